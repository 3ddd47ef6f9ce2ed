package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on its default embedded database (an H2 file, with the URL given without any setting):
 * killed with {@code kill -9} under load three times and restarted on the same files, then backed up online under
 * load, restored into a fresh directory and started there.
 */
class H2CrashIT {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndABackupTakenUnderLoadRestoresWithEveryChainIntact() throws Exception {
        var load = new Load();
        var arguments = arguments(dir.resolve("db").resolve("perftarget"), dir.resolve("anchor.json"));
        for (int round = 1; round <= ROUNDS; round++) {
            try (var app = PackagedApp.start(dir, "round-" + round + ".log", arguments)) {
                if (round > 1) {
                    assertThat(Checks.lost(app.base(), load.acked.values())).as("lost after kill %d", round - 1).isEmpty();
                    Checks.verifiedIntact(app.base());
                }
                load.start(app.base());
                // A random moment mid-load, so the kill falls inside some request.
                assertThat(load.awaitAcknowledged(15 + ThreadLocalRandom.current().nextInt(25), Duration.ofMinutes(2)))
                        .as("load ran in round %d", round).isTrue();
                app.kill9();
                load.stop();
            }
        }
        assertThat(load.outcomes).filteredOn(o -> o.status() >= 300).as("answers other than success").isEmpty();

        Path backupDirectory;
        HashMap<Long, Load.Ack> beforeBackup;
        try (var app = PackagedApp.start(dir, "after-kills.log", arguments)) {
            assertThat(Checks.lost(app.base(), load.acked.values())).as("lost after the last kill").isEmpty();
            Checks.verifiedIntact(app.base());
            load.start(app.base());
            assertThat(load.awaitAcknowledged(10, Duration.ofMinutes(1))).isTrue();
            beforeBackup = new HashMap<>(load.acked);
            var backup = Checks.json(Checks.call(app.base(), "admin", "POST", "/api/admin/backup"), 201);
            assertThat(load.awaitAcknowledged(10, Duration.ofMinutes(1))).as("load went on during the backup").isTrue();
            load.stop();
            assertThat(app.terminate()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(app.errorLines()).as("ERROR lines on SIGTERM").isEmpty();
            backupDirectory = Path.of(backup.path("directory").asText());
            assertThat(backup.path("files").toString()).contains("anchor.json");
        }
        assertThat(load.outcomes).filteredOn(o -> o.status() >= 300).as("answers other than success").isEmpty();

        Path restored = dir.resolve("restored");
        unzip(backupDirectory.resolve("perftarget.zip"), restored.resolve("db"));
        Files.copy(backupDirectory.resolve("anchor.json"), restored.resolve("anchor.json"));
        try (var app = PackagedApp.start(restored, "restored.log", arguments(restored.resolve("db").resolve("perftarget"),
                restored.resolve("anchor.json")))) {
            Checks.verifiedIntact(app.base());
            assertThat(Checks.lost(app.base(), beforeBackup.values())).as("acknowledged before the backup, missing from it")
                    .isEmpty();
            assertThat(app.terminate()).isIn(0, 143);
            assertThat(app.errorLines()).as("ERROR lines on SIGTERM, idle").isEmpty();
        }
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("db").resolve("perftarget"), "sa", "")) {
            Checks.consistent(connection);
        }
        System.out.printf("H2CrashIT: %d acknowledged writes over %d kill rounds and a backup, 0 lost; %d declarations%n",
                load.acknowledgedWrites.get(), ROUNDS, load.acked.size());
    }

    private static List<String> arguments(Path database, Path anchor) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + database, "--perftarget.audit.anchor.file=" + anchor,
                "--perftarget.audit.anchor.interval=PT1S", "--perftarget.storage.backup.directory=" + database.getParent()
                        .resolveSibling("backups"));
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.copy(in, target);
            }
        }
    }
}
