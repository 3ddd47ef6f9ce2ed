package cn.perftarget.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A consistent copy of the running H2 database ({@code BACKUP TO}, which H2 takes online while writes go on), next
 * to copies of the files that belong with it. PostgreSQL is backed up with its own tools (docs/operations.md).
 */
@Service
public class OnlineBackup {

    /** One backup: its directory, the database zip and the files copied with it. */
    public record Backup(Instant time, String directory, String database, List<String> files) {
    }

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final BackupProperties properties;
    private final Clock clock;
    private final boolean h2Files;

    OnlineBackup(DataSource dataSource, BackupProperties properties, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
        this.clock = clock;
        this.h2Files = dataSource instanceof HikariDataSource pool && DurableH2Url.isH2Files(pool.getJdbcUrl());
    }

    /** Backs the database up now; empty when it is not an H2 file database. */
    public synchronized Optional<Backup> backup() {
        if (!h2Files) {
            return Optional.empty();
        }
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Path directory = properties.directory().resolve("perftarget-" + NAME.format(time)).toAbsolutePath();
        var copied = new ArrayList<String>();
        try {
            Files.createDirectories(directory);
            for (Path file : properties.files()) {
                if (Files.exists(file)) {
                    copied.add(Files.copy(file, directory.resolve(file.getFileName())).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("备份目录 " + directory + " 无法写入", e);
        }
        Path database = directory.resolve("perftarget.zip");
        jdbc.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
        return Optional.of(new Backup(time, directory.toString(), database.toString(), List.copyOf(copied)));
    }
}
