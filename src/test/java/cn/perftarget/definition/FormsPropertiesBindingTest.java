package cn.perftarget.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class FormsPropertiesBindingTest {

    @Configuration
    @EnableConfigurationProperties(FormsProperties.class)
    @Import(FormDefinitions.class)
    static class Wiring {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void registryReadsTheConfiguredLocation(@TempDir Path dir) {
        write(dir, "only-v3.json", minimal("only", 3));

        context.withPropertyValues("perftarget.forms.location=" + location(dir)).run(app ->
                assertThat(app.getBean(FormDefinitions.class).latestVersions())
                        .extracting(d -> d.key() + " v" + d.version()).containsExactly("only v3"));
    }

    @Test
    void registryUsesTheClasspathFormsWhenNothingIsConfigured() {
        context.run(app -> assertThat(app.getBean(FormDefinitions.class).latest("dept-overall")).isPresent());
    }

    @Test
    void badDefinitionStopsTheStartUp(@TempDir Path dir) {
        write(dir, "bad-v1.json", "{");

        context.withPropertyValues("perftarget.forms.location=" + location(dir)).run(app ->
                assertThat(app).hasFailed().getFailure().hasStackTraceContaining("Form definition").hasStackTraceContaining("bad-v1.json"));
    }
}
