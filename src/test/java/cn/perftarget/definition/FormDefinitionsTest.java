package cn.perftarget.definition;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class FormDefinitionsTest {

    @TempDir
    Path dir;

    @Test
    void registryLoadsDeptOverallV1FromTheClasspath() {
        FormDefinitions registry = new FormDefinitions(new FormsProperties(null), List.of());

        FormDefinition definition = registry.find("dept-overall", 1).orElseThrow();

        assertThat(definition.title()).isEqualTo("部门整体支出绩效目标申报表");
        assertThat(registry.latest("dept-overall")).isPresent();
        assertThat(registry.latestVersions()).extracting(FormDefinition::key).contains("dept-overall");
    }

    @Test
    void latestIsTheHighestVersionAndFindPinsAnExactVersion() {
        write(dir, "a-v1.json", minimal("a", 1));
        write(dir, "a-v2.json", minimal("a", 2));
        write(dir, "b-v1.json", minimal("b", 1));

        FormDefinitions registry = new FormDefinitions(new FormsProperties(location(dir)), List.of());

        assertThat(registry.latest("a")).map(FormDefinition::version).contains(2);
        assertThat(registry.find("a", 1)).map(FormDefinition::version).contains(1);
        assertThat(registry.latestVersions()).extracting(d -> d.key() + " v" + d.version())
                .containsExactly("a v2", "b v1");
    }

    @Test
    void unknownKeyOrVersionIsEmpty() {
        write(dir, "a-v1.json", minimal("a", 1));

        FormDefinitions registry = new FormDefinitions(new FormsProperties(location(dir)), List.of());

        assertThat(registry.latest("nope")).isEmpty();
        assertThat(registry.find("a", 2)).isEmpty();
    }

    @Test
    void directoryLocationIgnoresSubdirectoriesSuchAsSamples() {
        write(dir, "a-v1.json", minimal("a", 1));
        write(dir, "samples/not-a-definition.json", "{\"header\": {}}");

        FormDefinitions registry = new FormDefinitions(new FormsProperties(location(dir)), List.of());

        assertThat(registry.latestVersions()).extracting(FormDefinition::key).containsExactly("a");
    }

    @Test
    void locationDefaultsToFormsOnTheClasspath() {
        assertThat(new FormsProperties(null).location()).isEqualTo("classpath*:forms/*.json");
        assertThat(new FormsProperties(" ").location()).isEqualTo("classpath*:forms/*.json");
    }
}
