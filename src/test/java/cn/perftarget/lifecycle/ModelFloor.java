package cn.perftarget.lifecycle;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;

import cn.perftarget.Fixtures;

/**
 * The (a2) floor: a standalone Camunda engine (no Spring, no application) on the shipped models
 * (processes/DeclarationApproval.bpmn, SubmissionDeadline.bpmn, ExpertReviewRouting.dmn, with their timers and DMN),
 * full history, job executor off, making the engine calls one of our lifecycles makes (cn.perftarget.process):
 * creating starts the approval and the deadline instance; submitting, the 主管部门's and 财政's decisions each find
 * the task, {@code setAssignee} and complete it with the variables ours sets, then read where the instance waits,
 * all under the user's identity (so the user operation log is written, as ours).
 * <p>
 * Ours makes the calls of one operation as separate engine commands inside one Spring transaction. A standalone
 * engine has no outer transaction: each call commits on its own (so creating commits twice and each decision twice,
 * where ours commits once). On H2, as in (a'), one {@code CHECKPOINT SYNC} follows each operation's last commit, so
 * the fsyncs per lifecycle are as many as ours and everything is on the disk when an operation returns.
 */
final class ModelFloor implements AutoCloseable {

    static final String FOLDER = System.getProperty("benchmark.processes", "processes");
    static final List<String> MODELS = List.of("DeclarationApproval.bpmn", "SubmissionDeadline.bpmn", "ExpertReviewRouting.dmn");
    private static final int YEAR = 2030;

    private final ProcessEngine engine;
    private final Connection sync;
    private final double totalBudget = Fixtures.validDocument(YEAR).at("/funds/income/total/budget").asDouble();

    ModelFloor(String jdbcUrl, String user, boolean syncEachCommit) throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("models")
                .setJdbcUrl(jdbcUrl)
                .setJdbcDriver(jdbcUrl.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver")
                .setJdbcUsername(user)
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.setBeans(ModelBeans.all());
        engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("models");
        for (String model : MODELS) {
            try (InputStream in = Files.newInputStream(Path.of(FOLDER, model))) {
                deployment.addInputStream(model, in);
            }
        }
        deployment.deploy();
        this.sync = syncEachCommit ? DriverManager.getConnection(jdbcUrl, user, "") : null;
    }

    /** One lifecycle of declaration {@code id} of department BM-00: created, submitted, approved twice. */
    void lifecycle(long id, Timings timings) throws Exception {
        var runtime = engine.getRuntimeService();
        String key = "BM-00-" + YEAR + "-dept-overall-" + id;
        long start = System.nanoTime();
        String instance = timings.time("create (2 starts)", () -> as("bmf00", () -> {
            String approval = runtime.startProcessInstanceByKey("DeclarationApproval", key, Map.of("declarationId", id,
                    "department", "BM-00", "formKey", "dept-overall", "year", YEAR)).getId();
            runtime.startProcessInstanceByKey("SubmissionDeadline", key, Map.of("declarationId", id, "year", YEAR));
            return approval;
        }));
        Map<String, Object> facts = new HashMap<>(Map.of("totalBudget", totalBudget, "templateRequiresExpert", false,
                "reviewDepartment", "BM-00", "approveCount", 0, "returnCount", 0, "rejectCount", 0));
        timings.time("submit", () -> decide("bmf00", instance, null, facts));
        timings.time("dept approve", () -> decide("bmd00", instance, "Task_DeptReview", Map.of("outcome", "approve")));
        boolean ended = timings.time("finance approve", () -> decide(BenchmarkUsers.FINANCE, instance,
                "Task_FinanceReview", Map.of("outcome", "approve")));
        if (!ended) {
            throw new IllegalStateException("instance " + instance + " did not end after 财政's approval");
        }
        timings.add("lifecycle", System.nanoTime() - start);
    }

    /** Finds the task (the fill-in task when {@code taskKey} is null), assigns and completes it; true once ended. */
    private boolean decide(String user, String instance, String taskKey, Map<String, Object> variables) throws SQLException {
        var tasks = engine.getTaskService();
        return as(user, () -> {
            var query = tasks.createTaskQuery().processInstanceId(instance);
            List<Task> found = (taskKey == null ? query : query.taskDefinitionKey(taskKey)).list();
            Task task = found.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
            tasks.setAssignee(task.getId(), user);
            tasks.complete(task.getId(), variables);
            // Where the instance waits now, as our position() reads it after every call.
            boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                    .singleResult() != null;
            if (running) {
                tasks.createTaskQuery().processInstanceId(instance).list();
            }
            return !running;
        });
    }

    /** The engine calls of one operation under the user's identity, then the sync of (a'). */
    private <T> T as(String user, Supplier<T> calls) throws SQLException {
        // The groups matter to authorization checks only, which are off here and skipped by ours.
        engine.getIdentityService().setAuthentication(user, List.of());
        try {
            T result = calls.get();
            if (sync != null) {
                try (var statement = sync.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            }
            return result;
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Override
    public void close() throws SQLException {
        if (sync != null) {
            sync.close();
        }
        engine.close();
    }
}
