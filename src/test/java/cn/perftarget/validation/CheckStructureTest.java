package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.perftarget.validation.DeptOverall.DEFINITION;
import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.DeptOverall.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CheckStructureTest {

    private final DocumentValidator validator = new DocumentValidator(new RuleSets());

    private List<Finding> check(ObjectNode document) {
        return validator.checkStructure(DEFINITION, document);
    }

    @Test
    void partialDraftWithMissingSectionsAndBlanksPasses() {
        ObjectNode draft = parse("""
                {"header": {"department": "黄陂区大数据中心", "year": 2020, "phone": ""},
                 "funds": {"income": {"other": {"budget": null}}},
                 "annualGoals": [{"title": "", "indicators": [{"level1": "产出指标"}]}]}""");

        assertThat(check(draft)).isEmpty();
    }

    @Test
    void initialDocumentPasses() {
        assertThat(check(DEFINITION.initialDocument("黄陂区大数据中心", 2020))).isEmpty();
    }

    @Test
    void unknownFieldIsReportedAtItsPointer() {
        ObjectNode document = parse("""
                {"header": {"department": "黄陂区大数据中心", "foo": 1},
                 "annualGoals": [{"title": "t", "indicators": [{"name": "n", "weight": 10}]}],
                 "extra": true}""");

        assertThat(check(document)).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                tuple("/header/foo", "structure.unknown-field"),
                tuple("/annualGoals/0/indicators/0/weight", "structure.unknown-field"),
                tuple("/extra", "structure.unknown-field"));
        assertThat(check(document)).filteredOn(f -> f.path().equals("/extra"))
                .extracting(Finding::message).containsExactly("未知字段“extra”");
    }

    @Test
    void wrongJsonTypeNamesTheFieldAndBothTypes() {
        ObjectNode document = parse("{\"header\": {\"phone\": 85916419, \"year\": \"2020\"}, \"annualTasks\": \"做好工作\"}");

        List<Finding> findings = check(document);

        assertThat(findings).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                tuple("/header/phone", "structure.type"),
                tuple("/header/year", "structure.type"),
                tuple("/annualTasks", "structure.type"));
        assertThat(findings).filteredOn(f -> f.path().equals("/header/phone")).extracting(Finding::message)
                .singleElement().asString().startsWith("“联系电话”应为文本，实际为数字").contains("85916419");
    }

    @Test
    void yearWithAFractionIsNotAnInteger() {
        assertThat(check(parse("{\"header\": {\"year\": 2020.5}}")))
                .extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/header/year", "structure.type", "“年度”应为整数，实际为2020.5"));
    }

    @Test
    void tooLongStringIsReportedWithTheLimitAndLength() {
        ObjectNode document = parse("{}");
        document.putObject("header").put("department", "部".repeat(201));

        assertThat(check(document)).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/header/department", "structure.max-length", "“部门名称”最多200个字，实际为201个字"));
    }

    @Test
    void tooManyItemsIsReportedOnTheList() {
        ObjectNode document = parse("{}");
        ArrayNode tasks = document.putArray("annualTasks");
        for (int i = 0; i < 101; i++) {
            tasks.add("任务" + i);
        }

        assertThat(check(document)).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/annualTasks", "structure.max-items", "“年度工作任务”最多100项，实际为101项"));
    }

    @Test
    void amountsAndSharesOutOfRangeOrWithTooManyDecimals() {
        ObjectNode document = parse("""
                {"funds": {"income": {
                  "fiscal": {"budget": -1, "share": 120},
                  "total": {"budget": 1.1234567, "history": {"2019": 0.0000001}}}}}""");

        assertThat(check(document)).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                tuple("/funds/income/fiscal/budget", "structure.range"),
                tuple("/funds/income/fiscal/share", "structure.range"),
                tuple("/funds/income/total/budget", "structure.scale"),
                tuple("/funds/income/total/history/2019", "structure.scale"));
        assertThat(check(document)).filteredOn(f -> f.path().equals("/funds/income/fiscal/share"))
                .extracting(Finding::message).containsExactly("“收入构成/财政拨款/占比（%）”应在0到100之间，实际为120");
    }

    @Test
    void historyKeyThatIsNotAYearIsAnUnknownField() {
        ObjectNode document = parse("{\"annualGoals\": [{\"indicators\": [{\"history\": {\"2019\": \"99%\", \"去年\": \"98%\"}}]}]}");

        assertThat(check(document)).extracting(Finding::path, Finding::rule)
                .containsExactly(tuple("/annualGoals/0/indicators/0/history/去年", "structure.unknown-field"));
    }

    @Test
    void nullHistoryValuesAreAllowed() {
        ObjectNode sample = correctedSample();
        ((ObjectNode) sample.at("/funds/income/fiscal/history")).putNull("2019");
        ((ObjectNode) sample.at("/annualGoals/0/indicators/0")).putObject("history").putNull("2018");

        assertThat(check(sample)).isEmpty();
    }
}
