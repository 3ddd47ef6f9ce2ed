package cn.perftarget;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart scenario on PostgreSQL (profile {@code postgres}), in a schema of its own that each run starts
 * afresh. Runs only under {@code mvn verify -Ppostgres}, which {@code .ci/run} enables; it needs the server at
 * 127.0.0.1:5432, database {@code test}.
 */
class PostgresRestartTest {

    static final String URL = System.getProperty("perftarget.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("perftarget.test.postgres.user", "postgres");
    static final String SCHEMA = "perftarget_restart_test";

    @TempDir
    Path anchorDir;

    @BeforeAll
    static void freshSchema() throws SQLException {
        try (var connection = DriverManager.getConnection(URL, USER, "");
             var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
    }

    @Test
    void restartOnPostgresKeepsDeclarationsAndAddsNoProcessVersion() {
        RestartTest.restartKeepsDeclarationsAndAddsNoProcessVersion(List.of(
                "spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=",
                "spring.flyway.schemas=" + SCHEMA,
                "perftarget.audit.anchor.file=" + anchorDir.resolve("audit-anchor.json")), "postgres", "demo");
    }
}
