package cn.perftarget.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The bare engine: a standalone Camunda 7 engine (no Spring, no application), full history, one process of a start
 * event and three user tasks, started and completed one lifecycle after the other. With {@code syncEachCommit} each
 * committing engine call is followed by an H2 {@code CHECKPOINT SYNC} on a connection of its own, as our
 * application's commits are (cn.perftarget.storage.CommitDurability).
 */
final class EngineFloor implements AutoCloseable {

    static final String[] TASKS = {"task1", "task2", "task3"};

    private final ProcessEngine engine;
    private final Connection sync;

    EngineFloor(String jdbcUrl, String user, boolean syncEachCommit) throws SQLException {
        this.engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("floor")
                .setJdbcUrl(jdbcUrl)
                .setJdbcDriver(jdbcUrl.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver")
                .setJdbcUsername(user)
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        var model = Bpmn.createExecutableProcess("Floor").camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask(TASKS[0]).userTask(TASKS[1]).userTask(TASKS[2])
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("floor.bpmn", model).deploy();
        this.sync = syncEachCommit ? DriverManager.getConnection(jdbcUrl, user, "") : null;
    }

    /** One lifecycle: start, then find and complete each user task in turn. */
    void lifecycle(long n, Timings timings) throws Exception {
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        long start = System.nanoTime();
        String instance = timings.time("start", () -> runtime.startProcessInstanceByKey("Floor", "floor-" + n).getId());
        sync();
        for (String key : TASKS) {
            timings.time("complete " + key, () -> {
                var task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
                tasks.complete(task.getId());
                sync();
                return null;
            });
        }
        timings.add("lifecycle", System.nanoTime() - start);
    }

    private void sync() throws SQLException {
        if (sync != null) {
            try (var statement = sync.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
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
