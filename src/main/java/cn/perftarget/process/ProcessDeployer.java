package cn.perftarget.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} under their bare file names with changed-only filtering, so a restart
 * (or a second node) with unchanged models adds no new definition version. The starter's auto-deployment is off
 * because it names resources by absolute path, which defeats duplicate filtering across machines.
 */
@Component
class ProcessDeployer implements InitializingBean {

    static final String DEPLOYMENT_NAME = "perftarget-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final int historyDays;
    private final EngineStartupLock lock;

    ProcessDeployer(RepositoryService repository, HistoryProperties history, EngineStartupLock lock) {
        this.repository = repository;
        this.historyDays = history.timeToLiveDays();
        this.lock = lock;
    }

    /** The models say ten years; the configured time to live wins, so operators need not edit BPMN to change it. */
    private void applyHistoryTimeToLive() {
        for (var definition : repository.createProcessDefinitionQuery().list()) {
            if (!Integer.valueOf(historyDays).equals(definition.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), historyDays);
            }
        }
        for (var decision : repository.createDecisionDefinitionQuery().list()) {
            if (!Integer.valueOf(historyDays).equals(decision.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), historyDays);
            }
        }
    }

    /**
     * Under the start-up lock: the engine's deployment lock already makes duplicate filtering hold across nodes, but
     * two nodes changing the same definition's time to live at once would fail one start on optimistic locking.
     */
    @Override
    public void afterPropertiesSet() {
        lock.whileHeld(() -> {
            deploy();
            return null;
        });
    }

    private void deploy() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var builder = repository.createDeployment()
                    .name(DEPLOYMENT_NAME)
                    .source("perftarget")
                    .enableDuplicateFiltering(true);
            int count = 0;
            // Under a folder of their own: a pattern at the classpath's root reads the entries of every jar (0.6 s).
            for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn"}) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (var in = resource.getInputStream()) {
                        builder.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
                    }
                    count++;
                }
            }
            var deployment = builder.deployWithResult();
            log.info("Deployed {} process model(s) from processes/: {} definition(s) new or changed",
                    count, deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size());
            applyHistoryTimeToLive();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 processes/ 中的流程模型", e);
        }
    }
}
