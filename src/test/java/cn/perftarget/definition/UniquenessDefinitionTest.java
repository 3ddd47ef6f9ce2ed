package cn.perftarget.definition;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A definition's "uniqueness" list is checked at load, so a misspelt key cannot switch the duplicate check off. */
class UniquenessDefinitionTest {

    @TempDir
    Path dir;

    private final FormDefinitionLoader loader = new FormDefinitionLoader();

    private FormDefinition load(String uniqueness) {
        String text = minimal("u", 1).replace("\"prefill\":", "\"uniqueness\": " + uniqueness + ", \"prefill\":");
        write(dir, "u-v1.json", text);
        return loader.load(location(dir)).values().iterator().next();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[]                              | /uniqueness",
            "\"department\"                  | /uniqueness",
            "[\"department\", \"department\"] | /uniqueness/1",
            "[\"departement\"]               | /uniqueness/0",
            "[\"/header/name\"]              | /uniqueness/0",
            "[\"/budget\"]                   | /uniqueness/0",
            "[\"/header\"]                   | /uniqueness/0",
            "[1]                             | /uniqueness/0"})
    void badUniquenessListStopsTheLoadNamingThePlace(String uniqueness, String place) {
        assertThatThrownBy(() -> load(uniqueness))
                .hasMessageContaining("u-v1.json")
                .hasMessageContaining(place);
    }

    @Test
    void departmentYearAndAnIntegerFieldMakeTheKey() throws Exception {
        var definition = load("[\"department\", \"year\", \"/header/year\"]");
        var uniqueness = definition.uniqueness();
        assertThat(uniqueness.labels()).containsExactly("部门", "年度", "/header/year");
        assertThat(uniqueness.dependsOnDocument()).isTrue();
        var document = new ObjectMapper().readTree("{\"header\": {\"year\": 2020}}");
        assertThat(uniqueness.values("HP-BDC", 2020, document)).contains(List.of("HP-BDC", "2020", "2020"));
        assertThat(uniqueness.values("HP-BDC", 2020, new ObjectMapper().readTree("{}"))).isEmpty();
    }

    @Test
    void noUniquenessListMeansNoKey() {
        var uniqueness = load("[\"department\"]").uniqueness();
        assertThat(uniqueness.dependsOnDocument()).isFalse();
        write(dir, "u-v1.json", minimal("u", 1));
        var none = loader.load(location(dir)).values().iterator().next().uniqueness();
        assertThat(none.parts()).isEmpty();
        assertThat(none.values("HP-BDC", 2020, null)).isEmpty();
    }

    @Test
    void shippedTemplatesStateTheirUniqueness() {
        var all = loader.load("classpath*:forms/*.json");
        var byKey = new java.util.HashMap<String, Uniqueness>();
        all.values().forEach(d -> byKey.put(d.key(), d.uniqueness()));
        assertThat(byKey.get("dept-overall").parts()).containsExactly("department", "year");
        assertThat(byKey.get("project-expenditure").parts()).containsExactly("department", "year", "/header/projectName");
        assertThat(byKey.get("project-expenditure").labels()).containsExactly("部门", "年度", "项目名称");
    }

    @Test
    void projectNamesCompareAfterNormalisingWidthAndSpaces() throws Exception {
        var uniqueness = new FormDefinitionLoader().load("classpath*:forms/*.json").values().stream()
                .filter(d -> d.key().equals("project-expenditure")).findFirst().orElseThrow().uniqueness();
        var json = new ObjectMapper();
        var plain = uniqueness.values("HP-BDC", 2021, json.readTree("{\"header\":{\"projectName\":\"智慧城市 A 期\"}}"));
        var wide = uniqueness.values("HP-BDC", 2021, json.readTree("{\"header\":{\"projectName\":\"  智慧城市　Ａ  期 \"}}"));
        assertThat(wide).isEqualTo(plain).isPresent();
        assertThat(uniqueness.values("HP-BDC", 2021, json.readTree("{\"header\":{\"projectName\":\"  \"}}"))).isEmpty();
    }
}
