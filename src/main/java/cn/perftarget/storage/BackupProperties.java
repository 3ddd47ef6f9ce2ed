package cn.perftarget.storage;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Online backups of the embedded H2 database.
 *
 * @param directory where each backup gets a directory of its own
 * @param files     files that belong with the database (the audit anchor), copied before the database so that
 *                  they never get ahead of it
 */
@ConfigurationProperties(prefix = "perftarget.storage.backup")
public record BackupProperties(Path directory, List<Path> files) {

    public BackupProperties {
        directory = directory == null ? Path.of("data", "backups") : directory;
        files = files == null ? List.of() : List.copyOf(files);
    }
}
