package cn.perftarget.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.ProcessRef;

/** The catalog remembers which definition an instance runs on, but only up to its bound: a server runs for years. */
@ApplicationTest
class EngineStepCatalogTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DeclarationFiling filing;
    @Autowired
    DeclarationQueries queries;
    @Autowired
    AuditTrail audit;

    @Test
    void theDefinitionsOfInstancesAreKeptUpToTheBoundAndStillFoundPastIt() {
        var declarations = new ProcessTestSupport(engine, filing, queries, audit);
        var catalog = new EngineStepCatalog(engine.getRepositoryService(), engine.getHistoryService(), 2);
        for (int i = 0; i < 3; i++) {
            long id = declarations.draft(2031);
            var instance = declarations.deadlineWatchOf(id);
            var ref = new ProcessRef(id, ProcessTestSupport.FILER.department(), 2031, ProcessTestSupport.FORM_KEY,
                    instance.getId());

            assertThat(catalog.definitionOf(ref)).contains(instance.getProcessDefinitionId());
            assertThat(catalog.definitionOf(ref)).contains(instance.getProcessDefinitionId());
            assertThat(catalog.instancesKnown()).isBetween(1, 2);
        }
    }
}
