package cn.perftarget.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDefinitionLoaderTest {

    @TempDir
    Path dir;

    private final FormDefinitionLoader loader = new FormDefinitionLoader();

    @Test
    void refusesMalformedJsonNamingTheFileAndLine() {
        write(dir, "broken-v1.json", "{\"key\": \"broken\",\n \"version\": 1,,\n}");

        assertThatThrownBy(() -> loader.load(location(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken-v1.json")
                .hasMessageContaining("line 2");
    }

    @Test
    void refusesDuplicateJsonKeysInsideOneFile() {
        write(dir, "dup-v1.json", minimal("dup", 1).replace("\"title\": \"测试表\",", "\"title\": \"a\", \"title\": \"b\","));

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("dup-v1.json")
                .hasMessageContaining("title");
    }

    @Test
    void refusesTwoFilesWithTheSameKeyAndVersionNamingBoth() {
        write(dir, "a-v1.json", minimal("a", 1));
        write(dir, "copy-of-a.json", minimal("a", 1));

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("a-v1.json")
                .hasMessageContaining("copy-of-a.json")
                .hasMessageContaining("a v1");
    }

    @Test
    void refusesAnUnknownTypeReferenceNamingTheFileAndPlace() {
        write(dir, "a-v1.json", minimal("a", 1).replace("{\"type\": \"amount\", \"label\": \"预算\"}", "{\"type\": \"amuont\"}"));

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("a-v1.json")
                .hasMessageContaining("/document/fields/budget/type")
                .hasMessageContaining("amuont");
    }

    @ParameterizedTest
    @ValueSource(strings = {"key", "version", "title"})
    void refusesADefinitionWithoutKeyVersionOrTitle(String missing) {
        String content = minimal("a", 1).replaceFirst("\"" + missing + "\": [^,]+,", "");
        write(dir, "a-v1.json", content);

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("a-v1.json")
                .hasMessageContaining("/" + missing);
    }

    @Test
    void refusesAMisspeltSchemaProperty() {
        write(dir, "a-v1.json", minimal("a", 1).replace("\"scale\": 6", "\"scael\": 6"));

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("/types/amount/scael");
    }

    @Test
    void refusesATypeThatContainsItself() {
        String content = minimal("a", 1).replace("\"types\": {",
                "\"types\": {\"node\": {\"type\": \"object\", \"fields\": {\"child\": {\"type\": \"node\"}}},");
        write(dir, "a-v1.json", content);

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("/types/node")
                .hasMessageContaining("contains itself");
    }

    @Test
    void refusesPrefillOfAFieldTheDocumentDoesNotHave() {
        write(dir, "a-v1.json", minimal("a", 1).replace("/header/year", "/header/yaer"));

        assertThatThrownBy(() -> loader.load(location(dir)))
                .hasMessageContaining("/prefill/~1header~1yaer");
    }

    @Test
    void toleratesDictionariesAndRulesAddedByLaterFeatures() {
        String content = minimal("a", 1).replace("\"title\": \"测试表\",",
                "\"title\": \"测试表\", \"dictionaries\": {\"standard\": [\"行业标准\"]}, \"rules\": [{\"id\": \"x\"}],");
        write(dir, "a-v1.json", content);

        assertThat(loader.load(location(dir)).values()).extracting(FormDefinition::key).containsExactly("a");
    }
}
