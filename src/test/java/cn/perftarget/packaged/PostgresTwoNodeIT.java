package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the packaged application on one fresh PostgreSQL database (runs only under {@code -Ppostgres}), both
 * started at the same moment, with the job executor on each: 500 lifecycles by 8 clients, each filed on one node and
 * decided on the other, while the submission-deadline timers of 20 drafts fall due. Nothing is lost or doubled,
 * every audit chain verifies on both nodes, every timer job ran once on one of the nodes, the second node's start
 * deployed nothing new, and a file uploaded on one node downloads on the other.
 */
class PostgresTwoNodeIT {

    static final String SERVER = PostgresCrashIT.SERVER;
    static final String USER = PostgresCrashIT.USER;
    private static final int LIFECYCLES = Integer.getInteger("perftarget.it.twonode.lifecycles", 500);
    private static final int CLIENTS = 8;
    private static final int TIMER_DRAFTS = 20;
    private static final int TIMER_YEAR = 2030;
    /** The reminder must come after both nodes are up and the drafts exist: well past a start on a loaded machine. */
    private static final Duration REMINDER_AFTER = Duration.ofSeconds(Long.getLong("perftarget.it.twonode.reminder-after", 120));

    @TempDir
    Path dir;

    private final String database = "pt_twonode_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<PackagedApp> nodes = new ArrayList<>();

    @AfterEach
    void stopAndDrop() throws Exception {
        for (var node : nodes) {
            node.close();
        }
        sql("drop database if exists " + database + " with (force)");
    }

    @Test
    void twoNodesShareTheWorkWithNothingLostOrDoubledEveryTimerOnceAndOneDeployment() throws Exception {
        sql("create database " + database);
        var clock = DeadlineClock.at(TIMER_YEAR, Instant.now().plus(REMINDER_AFTER).plusSeconds(20), Duration.ofSeconds(20));
        for (String name : List.of("node-a", "node-b")) {
            var arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + SERVER + database, "--spring.datasource.username=" + USER,
                    "--spring.datasource.password=", "--perftarget.audit.anchor.file=" + dir.resolve(name + "-anchor.json"),
                    "--perftarget.audit.anchor.interval=PT5S",
                    // Timers are due within seconds, not the 60 s an idle acquisition may wait by default.
                    "--camunda.bpm.job-execution.max-wait=3000",
                    "--camunda.bpm.generic-properties.properties.hostname=" + name));
            arguments.addAll(clock.arguments());
            nodes.add(PackagedApp.launch(Files.createDirectories(dir.resolve(name)), name + ".log", PackagedApp.TEST_JVM, arguments));
        }
        for (var node : nodes) {
            node.awaitHealthy();
        }
        List<String> bases = nodes.stream().map(PackagedApp::base).toList();

        var drafts = new CrossNodeLoad("两节点提醒").drafts(bases, TIMER_DRAFTS, TIMER_YEAR);
        assertThat(Instant.now()).as("the %d drafts exist before their reminder (nodes started in %s and %s)",
                TIMER_DRAFTS, nodes.get(0).startup(), nodes.get(1).startup()).isBefore(clock.reminder());

        var load = new CrossNodeLoad("两节点测试项目");
        Duration took = load.run(bases, LIFECYCLES, CLIENTS);
        assertThat(load.failures).as("answers other than success").isEmpty();
        assertThat(load.completed.get()).isEqualTo(LIFECYCLES);

        try (var connection = DriverManager.getConnection(SERVER + database, USER, "")) {
            awaitOverdue(connection, drafts, clock.deadline().plusSeconds(90));
            ClusterChecks.lifecyclesExactlyOnce(connection, load);
            Checks.consistent(connection);

            assertThat(ClusterChecks.events(connection, drafts, "REMINDED")).as("REMINDED per draft")
                    .hasSize(TIMER_DRAFTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(ClusterChecks.events(connection, drafts, "OVERDUE")).as("OVERDUE per draft")
                    .hasSize(TIMER_DRAFTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            for (String activity : List.of("Task_RecordReminder", "Task_MarkOverdue")) {
                assertThat(ClusterChecks.deadlineActivities(connection, drafts, activity)).as(activity + " per draft")
                        .hasSize(TIMER_DRAFTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            }
            var perJob = ClusterChecks.timerSuccessesPerJob(connection);
            assertThat(perJob).as("timer jobs run, each once").hasSize(2 * TIMER_DRAFTS)
                    .allSatisfy((job, n) -> assertThat(n).isEqualTo(1));
            var perNode = ClusterChecks.timerSuccessesPerNode(connection);

            assertThat(ClusterChecks.counts(connection, "select key_, count(*) from act_re_procdef group by key_"))
                    // Every model processes/ ships (the product's, the follow-ups', the example chains), once.
                    .as("versions per process definition").containsExactlyInAnyOrderEntriesOf(shippedProcesses());
            assertThat(ClusterChecks.count(connection, "select count(*) from act_re_decision_def")).isEqualTo(1);
            assertThat(ClusterChecks.count(connection, "select count(*) from act_re_deployment")).isEqualTo(1);

            // After the counts above, which know only the load's declarations; before the chains are verified.
            CrossNodeFiles.uploadedOnOneDownloadedOnTheOther(bases);
            for (String base : bases) {
                Checks.verifiedIntact(base);
            }
            System.out.printf("PostgresTwoNodeIT: nodes healthy after %.1f s and %.1f s (started together); %d lifecycles "
                            + "by %d clients across both nodes in %.1f s = %.1f lifecycles/s; timer jobs per node %s; load average %s%n",
                    nodes.get(0).startup().toMillis() / 1e3, nodes.get(1).startup().toMillis() / 1e3, LIFECYCLES, CLIENTS,
                    took.toMillis() / 1e3, LIFECYCLES / (took.toMillis() / 1e3), perNode, loadAverage());
        }
        for (var node : nodes) {
            assertThat(node.terminate()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(node.errorLines()).as("ERROR lines in " + node.log()).isEmpty();
        }
    }

    /** Polls until every draft was marked overdue, or the limit passed. */
    private static void awaitOverdue(java.sql.Connection connection, List<Long> drafts, Instant limit)
            throws SQLException, InterruptedException {
        while (Instant.now().isBefore(limit) && ClusterChecks.events(connection, drafts, "OVERDUE").size() < drafts.size()) {
            Thread.sleep(500);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static void sql(String statement) throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             var sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** The process id of each BPMN model in processes/, each expected once (two nodes deploy it once between them). */
    private static Map<String, Long> shippedProcesses() throws java.io.IOException {
        var ids = new java.util.TreeMap<String, Long>();
        var processId = java.util.regex.Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
        try (var files = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("processes"), "*.bpmn")) {
            for (var file : files) {
                var matcher = processId.matcher(java.nio.file.Files.readString(file));
                while (matcher.find()) {
                    ids.put(matcher.group(1), 1L);
                }
            }
        }
        return ids;
    }
}
