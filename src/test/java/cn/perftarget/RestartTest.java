package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** Two starts of the application on one database, as an operator restarting it would do. */
class RestartTest {

    private static final Actor FILER = new Actor("filer1", "张春红", Role.FILER, "HP-BDC");

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameH2FileKeepsDeclarationsAndAddsNoProcessVersion() {
        restartKeepsDeclarationsAndAddsNoProcessVersion(
                List.of("spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath(),
                        "perftarget.audit.anchor.file=" + dataDir.resolve("audit-anchor.json")), "demo");
    }

    static void restartKeepsDeclarationsAndAddsNoProcessVersion(List<String> database, String... profiles) {
        long draft;
        long submitted;
        long definitionsBefore;
        try (var app = start(database, profiles)) {
            var filing = app.getBean(DeclarationFiling.class);
            draft = filing.create(FILER, "dept-overall", 2020).id();
            // One 部门整体支出 declaration per department and year: the second is for the next year.
            submitted = filing.create(FILER, "dept-overall", 2021).id();
            filing.saveDocument(FILER, submitted, "\"1\"", Fixtures.validDocument(2021));
            app.getBean(DeclarationSubmission.class).submit(FILER, submitted);
            definitionsBefore = definitionCount(app);
        }

        try (var app = start(database, profiles)) {
            var queries = app.getBean(DeclarationQueries.class);
            assertThat(queries.get(FILER, draft).status()).isEqualTo(DeclarationStatus.DRAFT);
            assertThat(queries.get(FILER, submitted).status()).extracting(DeclarationStatus::code).isEqualTo("DEPT_REVIEW");
            assertThat(queries.get(FILER, submitted).revision()).isEqualTo(2);
            assertThat(queries.get(FILER, submitted).document().path("header").path("filler").asText()).isEqualTo("张春红");
            assertThat(definitionCount(app)).isEqualTo(definitionsBefore).isEqualTo(1);
            assertThat(app.getBean(TaskService.class).createTaskQuery()
                    .processVariableValueEquals("declarationId", submitted)
                    .taskDefinitionKey("Task_DeptReview")
                    .count()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(List<String> database, String... profiles) {
        var properties = new ArrayList<>(database);
        properties.add("server.port=0");
        // A name of its own, so closing this engine leaves the shared test context's engine registered.
        properties.add("camunda.bpm.process-engine-name=restart-test");
        // Closing its own Camunda webapps would reset those of the shared test context (static delegates).
        properties.add("camunda.bpm.webapp.enabled=false");
        properties.add("camunda.bpm.job-execution.enabled=false");
        properties.add("spring.profiles.active=" + String.join(",", profiles));
        // Command-line arguments, as an operator would pass them: they win over the profile's own files.
        return new SpringApplicationBuilder(PerfTargetApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static long definitionCount(ConfigurableApplicationContext app) {
        return app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey("DeclarationApproval")
                .count();
    }
}
