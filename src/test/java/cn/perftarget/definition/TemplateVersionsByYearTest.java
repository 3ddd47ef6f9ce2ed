package cn.perftarget.definition;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A definition's {@code years} says which budget years it serves; a new declaration takes the version for its year. */
class TemplateVersionsByYearTest {

    @TempDir
    Path dir;

    private static String withYears(String key, int version, String years) {
        return minimal(key, version).replaceFirst("\"title\"", "\"years\": " + years + ", \"title\"");
    }

    @ParameterizedTest
    @CsvSource({"2016, 1", "2020, 1", "2021, 1", "2022, 2", "2023, 2", "2100, 2"})
    void packagedDeptOverallServesEachYearWithItsVersion(int year, int version) {
        var registry = new FormDefinitions(new FormsProperties(null), List.of());

        assertThat(registry.forYear("dept-overall", year)).map(FormDefinition::version).contains(version);
        // GET /api/forms/{key} keeps returning the latest.
        assertThat(registry.latest("dept-overall")).map(FormDefinition::version).contains(2);
    }

    @Test
    void highestVersionServingTheYearWinsAndAVersionWithoutYearsServesEveryYear() {
        write(dir, "a-v1.json", minimal("a", 1));
        write(dir, "a-v2.json", withYears("a", 2, "{\"from\": 2022, \"to\": 2023}"));
        write(dir, "a-v3.json", withYears("a", 3, "{\"from\": 2023}"));

        var registry = new FormDefinitions(new FormsProperties(location(dir)), List.of());

        assertThat(registry.forYear("a", 2019)).map(FormDefinition::version).contains(1);
        assertThat(registry.forYear("a", 2022)).map(FormDefinition::version).contains(2);
        assertThat(registry.forYear("a", 2023)).map(FormDefinition::version).contains(3);
        assertThat(registry.forYear("nope", 2023)).isEmpty();
    }

    @Test
    void noVersionForTheYearIsEmpty() {
        write(dir, "a-v1.json", withYears("a", 1, "{\"from\": 2016, \"to\": 2021}"));

        var registry = new FormDefinitions(new FormsProperties(location(dir)), List.of());

        assertThat(registry.forYear("a", 2015)).isEmpty();
        assertThat(registry.forYear("a", 2022)).isEmpty();
        assertThat(registry.forYear("a", 2021)).isPresent();
        assertThat(registry.exists("a")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"from\": 2022, \"to\": 2021}", "{\"from\": \"2022\"}", "{\"since\": 2022}", "[2022]",
            "{\"to\": 1999}", "{\"from\": 2022.5}"})
    void malformedYearsStopTheStartUpNamingThePlace(String years) {
        write(dir, "a-v1.json", withYears("a", 1, years));

        assertThatThrownBy(() -> new FormDefinitions(new FormsProperties(location(dir)), List.of()))
                .isInstanceOf(InvalidFormDefinitionException.class)
                .hasMessageContaining("a-v1.json at /years");
    }
}
