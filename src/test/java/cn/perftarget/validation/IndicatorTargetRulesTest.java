package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.RuleFixture.errors;
import static cn.perftarget.validation.RuleFixture.findingsOf;
import static cn.perftarget.validation.RuleFixture.message;
import static cn.perftarget.validation.RuleFixture.set;
import static cn.perftarget.validation.RuleFixture.validate;
import static cn.perftarget.validation.RuleFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/** indicator.expected-unmet and the indicator.satisfaction-low warning. */
class IndicatorTargetRulesTest {

    // 年度目标1: 指标2 产出/成本 "≤157.1万元"; 指标3 效益/社会效益 "≥98%"; 指标4 效益/服务对象满意度 社会公众满意度 "≥98%".
    private static final String COST = "/annualGoals/0/indicators/1";
    private static final String OUTCOME = "/annualGoals/0/indicators/2";
    private static final String SATISFACTION = "/annualGoals/0/indicators/3";

    private static ObjectNode withTarget(String indicator, String value, String expected) {
        ObjectNode document = set(correctedSample(), indicator + "/value", value);
        return set(document, indicator + "/expected", expected);
    }

    @Test
    void correctedSampleMeetsEveryTargetAndHasNoWarning() {
        ValidationReport report = validate(correctedSample());

        assertThat(findingsOf(report, "indicator.expected-unmet")).isEmpty();
        assertThat(findingsOf(report, "indicator.satisfaction-low")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "≥98%, 98%",
            "≥98%, 99.5%",
            "＞＝98％, 98%",
            ">95%, 95.1%",
            "=100%, 100%",
            "98%, 98%",           // no operator reads as ≥
            "98%, 100%",
            "≤5%, 4%",
            "<5%, 4.9%"})
    void expectedThatSatisfiesTheTargetPasses(String value, String expected) {
        assertThat(errors(validate(withTarget(OUTCOME, value, expected)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "≥98%, 97%",
            "≥98%, 97.99%",
            ">95%, 95%",
            "=100%, 99%",
            "98%, 97.5%",         // no operator reads as ≥
            "≤5%, 6%",
            "<5%, 5%"})
    void expectedThatMissesTheTargetIsReportedAtTheExpectedValue(String value, String expected) {
        ValidationReport report = validate(withTarget(OUTCOME, value, expected));

        assertThat(errors(report)).containsExactly(OUTCOME + "/expected indicator.expected-unmet");
        assertThat(message(report, OUTCOME + "/expected", "indicator.expected-unmet"))
                .startsWith("“年度目标第1项/绩效指标第3项/预期当年实现值”为“" + expected + "”，达不到指标值");
    }

    @Test
    void expectedBelowAnAtLeastTargetNamesBothValues() {
        ValidationReport report = validate(withTarget(OUTCOME, "≥98%", "97%"));

        assertThat(message(report, OUTCOME + "/expected", "indicator.expected-unmet"))
                .isEqualTo("“年度目标第1项/绩效指标第3项/预期当年实现值”为“97%”，达不到指标值“≥98%”");
    }

    @Test
    void costTargetWithoutOperatorIsACeilingSoAHigherExpectedCostIsReported() {
        ValidationReport report = validate(withTarget(COST, "157.1万元", "160万元"));

        assertThat(errors(report)).containsExactly(COST + "/expected indicator.expected-unmet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"150万元", "157.1万元"})
    void costTargetWithoutOperatorIsMetByALowerOrEqualCost(String expected) {
        assertThat(errors(validate(withTarget(COST, "157.1万元", expected)))).isEmpty();
    }

    @Test
    void anAmountTargetWithoutOperatorOutsideTheCostLevelIsAFloor() {
        // Lower is better because of the 成本 level, not because of the 万元 unit.
        ObjectNode document = withTarget(OUTCOME, "157.1万元", "150万元");
        set(document, OUTCOME + "/level2", "经济效益指标");
        set(document, OUTCOME + "/name", "带动社会投资");

        assertThat(errors(validate(document))).containsExactly(OUTCOME + "/expected indicator.expected-unmet");
    }

    @Test
    void expectedLeftBlankIsNotCompared() {
        assertThat(errors(validate(withTarget(OUTCOME, "≥98%", null)))).isEmpty();
    }

    @Test
    void satisfactionTargetUnder90PercentIsAWarningThatKeepsTheReportValid() {
        ValidationReport report = validate(withTarget(SATISFACTION, "≥85%", "86%"));

        assertThat(warnings(report)).containsExactly(SATISFACTION + "/value indicator.satisfaction-low");
        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(message(report, SATISFACTION + "/value", "indicator.satisfaction-low"))
                .isEqualTo("“年度目标第1项/绩效指标第4项/指标值”为“≥85%”，满意度指标值一般不低于90%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"≥90%", "90%", "≥95%", "100%"})
    void satisfactionTargetOf90PercentOrMoreHasNoWarning(String value) {
        ValidationReport report = validate(withTarget(SATISFACTION, value, "100%"));

        assertThat(warnings(report)).isEmpty();
        assertThat(errors(report)).isEmpty();
    }

    @Test
    void satisfactionIsRecognisedByTheIndicatorNameToo() {
        ObjectNode document = withTarget(OUTCOME, "≥80%", "85%");
        set(document, OUTCOME + "/name", "群众满意度");

        assertThat(warnings(validate(document))).containsExactly(OUTCOME + "/value indicator.satisfaction-low");
    }

    @Test
    void lowTargetsOfOtherIndicatorsHaveNoWarning() {
        ValidationReport report = validate(withTarget(OUTCOME, "≥80%", "85%"));

        assertThat(warnings(report)).isEmpty();
        assertThat(errors(report)).isEmpty();
    }
}
