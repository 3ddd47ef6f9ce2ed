package cn.perftarget.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormDefinitionTest {

    private final FormDefinition deptOverall =
            new FormDefinitions(new FormsProperties(null), java.util.List.of()).find("dept-overall", 1).orElseThrow();

    @Test
    void initialDocumentCarriesDepartmentAndYearFromPrefill() {
        ObjectNode document = deptOverall.initialDocument("黄陂区大数据中心", 2020);

        assertThat(document.toString()).isEqualTo("{\"header\":{\"department\":\"黄陂区大数据中心\",\"year\":2020}}");
    }

    @Test
    void documentSchemaInlinesNamedTypesKeepingTheReferencesLabel() {
        JsonNode fiscal = deptOverall.documentSchema().at("/fields/funds/fields/income/fields/fiscal");

        assertThat(fiscal.path("type").asText()).isEqualTo("object");
        assertThat(fiscal.path("label").asText()).isEqualTo("财政拨款");
        assertThat(fiscal.at("/fields/budget/type").asText()).isEqualTo("number");
        assertThat(fiscal.at("/fields/budget/scale").asInt()).isEqualTo(6);
        assertThat(fiscal.at("/fields/history/values/type").asText()).isEqualTo("number");
    }

    @Test
    void documentSchemaIsACopyThatCannotChangeTheDefinition() {
        ((ObjectNode) deptOverall.documentSchema()).put("type", "string");

        assertThat(deptOverall.documentSchema().path("type").asText()).isEqualTo("object");
    }
}
