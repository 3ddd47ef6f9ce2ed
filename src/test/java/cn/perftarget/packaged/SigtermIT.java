package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while two clients run lifecycles: requests sent before the signal are all answered, none with 5xx
 * (graceful shutdown lets them finish before the engine and the database close); requests sent after it may find the
 * port closed. Nothing is logged at ERROR, and what was acknowledged is there after a restart.
 */
class SigtermIT {

    @TempDir
    Path dir;

    @Test
    void sigtermUnderLoadAnswersEveryRequestInFlightAndLogsNoError() throws Exception {
        var load = new Load();
        var arguments = List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("perftarget"),
                "--perftarget.audit.anchor.file=" + dir.resolve("anchor.json"), "--perftarget.audit.anchor.interval=PT1S");
        long signalled;
        int exit;
        PackagedApp stopped;
        try (var app = PackagedApp.start(dir, "sigterm.log", arguments)) {
            load.start(app.base());
            assertThat(load.awaitAcknowledged(20, Duration.ofMinutes(2))).isTrue();
            signalled = System.nanoTime();
            exit = app.terminate();
            load.stop();
            stopped = app;
        }

        var beforeSignal = load.outcomes.stream().filter(o -> o.sentNanos() < signalled).toList();
        assertThat(beforeSignal).as("requests sent before SIGTERM").hasSizeGreaterThanOrEqualTo(20);
        assertThat(beforeSignal).filteredOn(o -> o.status() == 0 || o.status() >= 500)
                .as("requests sent before SIGTERM that got no answer or a 5xx").isEmpty();
        assertThat(load.outcomes).filteredOn(o -> o.status() >= 500).as("5xx answers").isEmpty();
        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(stopped.errorLines()).as("ERROR lines in " + stopped.log()).isEmpty();

        try (var app = PackagedApp.start(dir, "after-sigterm.log", arguments)) {
            assertThat(Checks.lost(app.base(), load.acked.values())).as("acknowledged before SIGTERM, lost").isEmpty();
            Checks.verifiedIntact(app.base());
        }
        System.out.printf("SigtermIT: %d requests before SIGTERM all answered, %d after it refused; exit %d%n",
                beforeSignal.size(), load.outcomes.size() - beforeSignal.size(), exit);
    }
}
