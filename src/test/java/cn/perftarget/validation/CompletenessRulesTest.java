package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.RuleFixture.errors;
import static cn.perftarget.validation.RuleFixture.findingsOf;
import static cn.perftarget.validation.RuleFixture.json;
import static cn.perftarget.validation.RuleFixture.message;
import static cn.perftarget.validation.RuleFixture.remove;
import static cn.perftarget.validation.RuleFixture.set;
import static cn.perftarget.validation.RuleFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** goal.output-indicator-missing, goal.outcome-indicator-missing, goal.indicator-name-duplicate, text.placeholder. */
class CompletenessRulesTest {

    // 年度目标2 “保障“民呼我应”平台安全运行”: 产出/质量, 产出/时效, 效益/社会效益, 效益/服务对象满意度.
    private static final String GOAL = "/annualGoals/1";

    @ParameterizedTest
    @ValueSource(strings = {"goal.output-indicator-missing", "goal.outcome-indicator-missing",
            "goal.indicator-name-duplicate", "text.placeholder"})
    void correctedSampleHasNoCompletenessFinding(String rule) {
        assertThat(findingsOf(validate(correctedSample()), rule)).isEmpty();
    }

    @Test
    void goalWithoutOutputIndicatorIsReportedAtItsIndicators() {
        ObjectNode document = correctedSample();
        remove(document, GOAL + "/indicators/1");
        remove(document, GOAL + "/indicators/0");

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(GOAL + "/indicators goal.output-indicator-missing");
        assertThat(message(report, GOAL + "/indicators", "goal.output-indicator-missing"))
                .isEqualTo("“年度目标第2项/绩效指标”（保障“民呼我应”平台安全运行）至少需要一个产出指标");
    }

    @Test
    void goalWithoutOutcomeIndicatorIsReportedAtItsIndicators() {
        ObjectNode document = correctedSample();
        remove(document, GOAL + "/indicators/3");
        remove(document, GOAL + "/indicators/2");

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(GOAL + "/indicators goal.outcome-indicator-missing");
        assertThat(message(report, GOAL + "/indicators", "goal.outcome-indicator-missing"))
                .isEqualTo("“年度目标第2项/绩效指标”（保障“民呼我应”平台安全运行）至少需要一个效益指标");
    }

    @Test
    void levelsWrittenWithoutTheSuffixCount() {
        ObjectNode document = correctedSample();
        set(document, GOAL + "/indicators/0/level1", "产出");
        set(document, GOAL + "/indicators/1/level1", "产出");
        set(document, GOAL + "/indicators/2/level1", "效益");
        set(document, GOAL + "/indicators/3/level1", "效益");

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void aSatisfactionLevel1IsNotAnOutcomeIndicator() {
        ObjectNode document = correctedSample();
        remove(document, GOAL + "/indicators/2");
        set(document, GOAL + "/indicators/2/level1", "满意度指标");

        assertThat(errors(validate(document))).containsExactly(GOAL + "/indicators goal.outcome-indicator-missing");
    }

    @Test
    void goalWithoutAnyIndicatorMissesBoth() {
        ObjectNode document = set(correctedSample(), GOAL + "/indicators", json("[]"));

        assertThat(errors(validate(document))).containsExactly(
                GOAL + "/indicators structure.required",
                GOAL + "/indicators goal.output-indicator-missing",
                GOAL + "/indicators goal.outcome-indicator-missing");
    }

    @Test
    void outputRowsWithoutLevel1DoNotCountAsOutputIndicators() {
        ObjectNode document = correctedSample();
        set(document, GOAL + "/indicators/0/level1", null);
        set(document, GOAL + "/indicators/1/level1", " ");

        assertThat(errors(validate(document))).containsExactly(
                GOAL + "/indicators/0/level1 structure.required",
                GOAL + "/indicators/1/level1 structure.required",
                GOAL + "/indicators goal.output-indicator-missing");
    }

    @Test
    void duplicateIndicatorNameWithinAGoalIsReportedAtTheSecondOne() {
        ObjectNode document = set(correctedSample(), GOAL + "/indicators/2/name", "平台可用率");

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(GOAL + "/indicators/2/name goal.indicator-name-duplicate");
        assertThat(message(report, GOAL + "/indicators/2/name", "goal.indicator-name-duplicate"))
                .isEqualTo("“年度目标第2项/绩效指标第3项/指标名称”为“平台可用率”，与“年度目标第2项/绩效指标第1项/指标名称”重复："
                        + "同一目标内指标名称不能重复");
    }

    @Test
    void namesDifferingOnlyInSurroundingSpaceAreDuplicates() {
        ObjectNode document = set(correctedSample(), GOAL + "/indicators/3/name", " 平台可用率 ");

        assertThat(errors(validate(document))).containsExactly(GOAL + "/indicators/3/name goal.indicator-name-duplicate");
    }

    @Test
    void sameIndicatorNameInTwoDifferentGoalsIsFine() {
        // The corrected sample already has 社会公众满意度 in every goal; add a shared 产出 name across goals too.
        ObjectNode document = set(correctedSample(), "/annualGoals/2/indicators/0/name", "平台可用率");
        set(document, "/longTermGoals/1/indicators/0/name", "平台可用率");

        assertThat(errors(validate(document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "……", "... ...", "。。。", "、、", "指标", "指标名称"})
    void placeholderIndicatorNameIsReportedAtTheName(String placeholder) {
        ObjectNode document = set(correctedSample(), GOAL + "/indicators/2/name", placeholder);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(GOAL + "/indicators/2/name text.placeholder");
        assertThat(message(report, GOAL + "/indicators/2/name", "text.placeholder"))
                .isEqualTo("“年度目标第2项/绩效指标第3项/指标名称”为“" + placeholder + "”，是空白模板中的占位内容，请填写实际内容");
    }

    @Test
    void placeholdersAreReportedInEveryTextOfTheForm() {
        ObjectNode document = correctedSample();
        set(document, "/functions", "……");
        set(document, "/annualTasks/1", "...");
        set(document, "/longTermGoals/0/title", "... ...");
        set(document, GOAL + "/indicators/0/standard", "绩效标准");

        assertThat(findingsOf(validate(document), "text.placeholder")).containsExactly(
                "/functions text.placeholder",
                "/annualTasks/1 text.placeholder",
                "/longTermGoals/0/title text.placeholder",
                GOAL + "/indicators/0/standard text.placeholder");
    }

    @Test
    void placeholderLevel2ValueOrExpectedIsReportedBesidesTheValueRules() {
        ObjectNode document = correctedSample();
        set(document, GOAL + "/indicators/0/level2", "指标");
        set(document, GOAL + "/indicators/2/value", "... ...");
        set(document, GOAL + "/indicators/3/history", json("{\"2019\": \"……\"}"));

        assertThat(errors(validate(document))).containsExactly(
                GOAL + "/indicators/0/level2 indicator.level2",
                GOAL + "/indicators/2/value indicator.value-format",
                GOAL + "/indicators/3/history/2019 indicator.value-format",
                GOAL + "/indicators/0/level2 text.placeholder",
                GOAL + "/indicators/2/value text.placeholder",
                GOAL + "/indicators/3/history/2019 text.placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"平台可用率指标", "指标完成率", "……等事项完成率", "可用率..."})
    void textThatMerelyContainsAPlaceholderIsFine(String name) {
        ObjectNode document = set(correctedSample(), GOAL + "/indicators/2/name", name);

        assertThat(errors(validate(document))).isEmpty();
    }
}
