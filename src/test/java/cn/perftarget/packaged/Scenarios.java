package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The crash and backup scenarios the packaged-app tests run on each database. */
final class Scenarios {

    /** Takes a backup of the running application's database; returns what a restore needs. */
    interface Backup<T> {
        T take(PackagedApp app) throws Exception;
    }

    /** The acknowledged writes before the backup started, and what the backup left. */
    record BackedUp<T>(Map<Long, Load.Ack> before, T backup) {
    }

    private Scenarios() {
    }

    /**
     * {@code rounds} times: start on the same database, check every write acknowledged so far, run the load and kill
     * the process with SIGKILL at a random moment of it.
     */
    static void killRounds(Path dir, List<String> arguments, Load load, int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            try (var app = PackagedApp.start(dir, "round-" + round + ".log", arguments)) {
                if (round > 1) {
                    assertThat(Checks.lost(app.base(), load.acked.values())).as("lost after kill %d", round - 1).isEmpty();
                    Checks.verifiedIntact(app.base());
                }
                load.start(app.base());
                assertThat(load.awaitAcknowledged(15 + ThreadLocalRandom.current().nextInt(25), Duration.ofMinutes(2)))
                        .as("load ran in round %d", round).isTrue();
                app.kill9();
                load.stop();
            }
        }
        assertThat(load.outcomes).filteredOn(o -> o.status() >= 300).as("answers other than success").isEmpty();
    }

    /**
     * Starts once more after the last kill, checks everything acknowledged, takes a backup while the load runs, and
     * stops with SIGTERM (no ERROR line).
     */
    static <T> BackedUp<T> backupUnderLoad(Path dir, List<String> arguments, Load load, Backup<T> backup) throws Exception {
        try (var app = PackagedApp.start(dir, "after-kills.log", arguments)) {
            assertThat(Checks.lost(app.base(), load.acked.values())).as("lost after the last kill").isEmpty();
            Checks.verifiedIntact(app.base());
            load.start(app.base());
            assertThat(load.awaitAcknowledged(10, Duration.ofMinutes(1))).isTrue();
            var before = new HashMap<>(load.acked);
            T taken = backup.take(app);
            assertThat(load.awaitAcknowledged(10, Duration.ofMinutes(1))).as("load went on during the backup").isTrue();
            load.stop();
            assertThat(app.terminate()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(app.errorLines()).as("ERROR lines on SIGTERM in " + app.log()).isEmpty();
            assertThat(load.outcomes).filteredOn(o -> o.status() >= 300).as("answers other than success").isEmpty();
            return new BackedUp<>(before, taken);
        }
    }

    /** Starts on the restored database: every chain verifies, nothing acknowledged before the backup is missing. */
    static void restoredIntact(Path dir, List<String> arguments, Map<Long, Load.Ack> beforeBackup) throws Exception {
        try (var app = PackagedApp.start(dir, "restored.log", arguments)) {
            Checks.verifiedIntact(app.base());
            assertThat(Checks.lost(app.base(), beforeBackup.values())).as("acknowledged before the backup, missing from it")
                    .isEmpty();
            assertThat(app.terminate()).isIn(0, 143);
            assertThat(app.errorLines()).as("ERROR lines on SIGTERM, idle, in " + app.log()).isEmpty();
        }
    }
}
