package cn.perftarget.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh databases of one kind for one run: H2 files in a temporary directory, or databases with random names on the
 * PostgreSQL server that {@code -Dbenchmark.db} names (dropped again at the end).
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final String given;
    private final String user;
    private final Path directory;
    private final List<String> created = new ArrayList<>();
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    BenchmarkDatabase(String given, String user) throws java.io.IOException {
        this.given = given == null || given.startsWith("jdbc:h2:mem:") ? "jdbc:h2:file:" : given;
        this.user = user;
        this.directory = isPostgres() ? null : Files.createTempDirectory("lifecycle-benchmark");
    }

    boolean isPostgres() {
        return given.startsWith("jdbc:postgresql:");
    }

    String user() {
        return user;
    }

    String kind() {
        return isPostgres() ? "PostgreSQL " + given.replaceAll("^jdbc:postgresql://([^/]*)/.*", "$1")
                : "H2 file in " + directory;
    }

    /** The URL of a new, empty database called {@code name} in this run, with {@code h2Settings} for H2. */
    String fresh(String name, String h2Settings) throws SQLException {
        if (!isPostgres()) {
            return "jdbc:h2:file:" + directory.resolve(name) + h2Settings;
        }
        String database = "pt_lifecycle_" + run + "_" + name;
        try (var connection = DriverManager.getConnection(given, user, "");
             var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        created.add(database);
        return given.replaceAll("/[^/?]*(\\?.*)?$", "/" + database);
    }

    @Override
    public void close() throws SQLException, java.io.IOException {
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (isPostgres()) {
            try (var connection = DriverManager.getConnection(given, user, "");
                 var statement = connection.createStatement()) {
                for (String database : created) {
                    statement.execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }
}
