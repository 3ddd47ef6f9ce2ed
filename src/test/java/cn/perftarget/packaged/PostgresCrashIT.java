package cn.perftarget.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on PostgreSQL (runs only under {@code -Ppostgres}; server at 127.0.0.1:5432, user postgres,
 * trust auth), in databases of its own with random names, dropped afterwards: kill -9 under load three times, then
 * {@code pg_dump} under load, {@code pg_restore} into a fresh database and a start there.
 */
class PostgresCrashIT {

    static final String SERVER = System.getProperty("perftarget.test.postgres.server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("perftarget.test.postgres.user", "postgres");

    @TempDir
    Path dir;

    private final String database = "perftarget_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final String restoredDatabase = database + "_restored";

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String name : List.of(database, restoredDatabase)) {
            sql("drop database if exists " + name + " with (force)");
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndADumpTakenUnderLoadRestoresWithEveryChainIntact() throws Exception {
        sql("create database " + database);
        var load = new Load();
        var arguments = arguments(database, dir.resolve("anchor.json"));
        Scenarios.killRounds(dir, arguments, load, 3);
        var backedUp = Scenarios.backupUnderLoad(dir, arguments, load, app -> {
            // The anchor first, then the database: the copy of the anchor can never be ahead of the dump.
            Path anchor = Files.copy(dir.resolve("anchor.json"), dir.resolve("backup-anchor.json"));
            run("pg_dump", "-h", "127.0.0.1", "-U", USER, "-Fc", "-f", dir.resolve("perftarget.dump").toString(), database);
            return anchor;
        });

        sql("create database " + restoredDatabase);
        run("pg_restore", "-h", "127.0.0.1", "-U", USER, "--no-owner", "-d", restoredDatabase,
                dir.resolve("perftarget.dump").toString());
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(backedUp.backup(), restored.resolve("anchor.json"));
        Scenarios.restoredIntact(restored, arguments(restoredDatabase, restored.resolve("anchor.json")), backedUp.before());
        try (var connection = DriverManager.getConnection(SERVER + restoredDatabase, USER, "")) {
            Checks.consistent(connection);
        }
        System.out.printf("PostgresCrashIT: %d acknowledged writes (%d declarations) over 3 kill rounds and a dump, 0 lost%n",
                load.acknowledgedWrites.get(), load.acked.size());
    }

    private static List<String> arguments(String database, Path anchor) {
        return List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + SERVER + database,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=",
                "--perftarget.audit.anchor.file=" + anchor, "--perftarget.audit.anchor.interval=PT1S");
    }

    private static void sql(String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             var sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private void run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + Files.readString(dir.resolve(command[0] + ".log"))).isZero();
    }
}
