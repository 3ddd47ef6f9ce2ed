package cn.perftarget.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Issue 19, wall 6: every place of every shipped template reads in Chinese, never as a JSON Pointer. */
class FieldPathTest {

    private static final Collection<FormDefinition> SHIPPED =
            new FormDefinitionLoader().load("classpath*:forms/*.json").values();

    @Test
    void everyPlaceOfEveryShippedTemplateReadsInTheTemplatesWordsWithoutPointerOrEnglish() {
        assertThat(SHIPPED).extracting(FormDefinition::key).contains("dept-overall", "project-expenditure");
        int places = 0;
        for (FormDefinition definition : SHIPPED) {
            for (String pointer : pointers(definition.documentSchema(), "", new ArrayList<>())) {
                String place = definition.placeOf(pointer);
                assertThat(place).as("%s v%d %s", definition.key(), definition.version(), pointer)
                        .isNotBlank().doesNotContain("/").doesNotContainPattern("[A-Za-z]");
                places++;
            }
        }
        assertThat(places).isGreaterThan(100);
    }

    @Test
    void aPlaceNamesItsListsWithTheItemNumberAndLeavesTopSectionsOut() {
        var dept = latest("dept-overall");
        assertThat(dept.placeOf("/annualGoals/0/indicators/1/value")).isEqualTo("年度目标1 › 绩效指标2 › 指标值");
        assertThat(dept.placeOf("/annualGoals/2/indicators/0")).isEqualTo("年度目标3 › 绩效指标1");
        assertThat(dept.placeOf("/header/phone")).isEqualTo("联系电话");
        assertThat(dept.placeOf("/funds/income/other/budget")).isEqualTo("收入构成 › 其他资金 › 当年预算（万元）");
        assertThat(dept.placeOf("/annualGoals/0/indicators/0/history/2019"))
                .isEqualTo("年度目标1 › 绩效指标1 › 近两年指标值 › 2019");
        assertThat(dept.placeOf("/annualTasks/4")).isEqualTo("年度工作任务5");
        assertThat(dept.placeOf("")).isEqualTo("申报表");
        assertThat(latest("project-expenditure").placeOf("/indicators/6/name")).isEqualTo("绩效指标7 › 三级指标");
    }

    private static FormDefinition latest(String key) {
        return SHIPPED.stream().filter(d -> d.key().equals(key))
                .max((a, b) -> Integer.compare(a.version(), b.version())).orElseThrow();
    }

    /** Every pointer a document of the schema can hold: each field, list item (two of each list) and year key. */
    private static List<String> pointers(JsonNode schema, String at, List<String> found) {
        found.add(at);
        switch (schema.path("type").asText()) {
            case "object" -> {
                for (Map.Entry<String, JsonNode> field : schema.path("fields").properties()) {
                    pointers(field.getValue(), at + "/" + Pointers.escape(field.getKey()), found);
                }
            }
            case "array" -> {
                pointers(schema.path("items"), at + "/0", found);
                pointers(schema.path("items"), at + "/1", found);
            }
            case "map" -> pointers(schema.path("values"), at + "/2019", found);
            default -> { }
        }
        return found;
    }
}
