package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on its default embedded database (an H2 file, the URL given without any setting): killed
 * with {@code kill -9} under load three times and restarted on the same files, then backed up online under load
 * ({@code POST /api/admin/backup}), restored into a fresh directory and started there.
 */
class H2CrashIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndABackupTakenUnderLoadRestoresWithEveryChainIntact() throws Exception {
        var load = new Load();
        var arguments = arguments(dir, dir.resolve("anchor.json"));
        Scenarios.killRounds(dir, arguments, load, 3);
        var backedUp = Scenarios.backupUnderLoad(dir, arguments, load, app -> {
            var backup = Checks.json(Checks.call(app.base(), "admin", "POST", "/api/admin/backup"), 201);
            assertThat(backup.path("files").toString()).contains("anchor.json");
            return Path.of(backup.path("directory").asText());
        });

        Path restored = dir.resolve("restored");
        unzip(backedUp.backup().resolve("perftarget.zip"), restored.resolve("db"));
        Files.copy(backedUp.backup().resolve("anchor.json"), restored.resolve("anchor.json"));
        Scenarios.restoredIntact(restored, arguments(restored, restored.resolve("anchor.json")), backedUp.before());
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("db").resolve("perftarget"), "sa", "")) {
            Checks.consistent(connection);
        }
        System.out.printf("H2CrashIT: %d acknowledged writes (%d declarations) over 3 kill rounds and a backup, 0 lost%n",
                load.acknowledgedWrites.get(), load.acked.size());
    }

    private static List<String> arguments(Path dir, Path anchor) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("perftarget"),
                "--perftarget.audit.anchor.file=" + anchor, "--perftarget.audit.anchor.interval=PT1S",
                "--perftarget.storage.backup.directory=" + dir.resolve("backups"));
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.copy(in, target);
            }
        }
    }
}
