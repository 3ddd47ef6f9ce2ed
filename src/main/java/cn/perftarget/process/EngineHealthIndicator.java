package cn.perftarget.process;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code engine} component of /actuator/health: up when the engine answers a query and has our approval process
 * deployed, and, where the job executor is switched on, while it runs (timers and escalations depend on it).
 * Details (definitions and versions, job executor state) are shown to administrators only.
 */
@Component
class EngineHealthIndicator implements HealthIndicator {

    private final ProcessEngine engine;

    EngineHealthIndicator(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        var repository = engine.getRepositoryService();
        Map<String, Integer> processes = new TreeMap<>();
        repository.createProcessDefinitionQuery().latestVersion().list()
                .forEach(definition -> processes.put(definition.getKey(), definition.getVersion()));
        Map<String, Integer> decisions = new TreeMap<>();
        repository.createDecisionDefinitionQuery().latestVersion().list()
                .forEach(definition -> decisions.put(definition.getKey(), definition.getVersion()));
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean switchedOn = configuration.isJobExecutorActivate();
        boolean running = configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive();
        boolean up = processes.containsKey(DeclarationApprovalProcess.DEFAULT_KEY) && (running || !switchedOn);
        return (up ? Health.up() : Health.down())
                .withDetail("name", engine.getName())
                .withDetail("jobExecutor", running ? "active" : switchedOn ? "stopped" : "disabled")
                .withDetail("processDefinitions", processes)
                .withDetail("decisionDefinitions", decisions)
                .build();
    }
}
