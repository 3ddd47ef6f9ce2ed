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
import static org.assertj.core.api.Assertions.assertThat;

/** indicator.level1, indicator.level2 and indicator.standard against the template's dictionaries. */
class IndicatorDictionaryRulesTest {

    // 年度目标1 holds 产出/质量, 产出/成本, 效益/社会效益, 效益/服务对象满意度 in this order.
    private static final String OUTPUT = "/annualGoals/0/indicators/0";
    private static final String OUTCOME = "/annualGoals/0/indicators/2";
    private static final String SATISFACTION = "/annualGoals/0/indicators/3";

    private static ObjectNode withLevels(String indicator, String level1, String level2) {
        ObjectNode document = set(correctedSample(), indicator + "/level1", level1);
        return set(document, indicator + "/level2", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator.level1", "indicator.level2", "indicator.standard"})
    void correctedSampleHasNoDictionaryFinding(String rule) {
        assertThat(findingsOf(validate(correctedSample()), rule)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "产出指标, 数量指标",
            "产出, 数量",
            "产出指标, 数量",
            "产出, 数量指标",
            "产出, 时效",
            "产出, 成本指标",
            "' 产出 指标 ', ' 质量 '"})
    void outputLevelsMatchWithOrWithoutTheSuffix(String level1, String level2) {
        assertThat(errors(validate(withLevels(OUTPUT, level1, level2)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "效益指标, 社会效益指标",
            "效益, 经济效益",
            "效益, 生态效益指标",
            "效益, 可持续发展影响",
            "效益, 服务对象满意度指标"})
    void outcomeLevelsMatchWithOrWithoutTheSuffix(String level1, String level2) {
        assertThat(errors(validate(withLevels(OUTCOME, level1, level2)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "满意度指标, 服务对象满意度指标",
            "满意度, 服务对象满意度"})
    void satisfactionMayStandAsLevel1(String level1, String level2) {
        assertThat(errors(validate(withLevels(SATISFACTION, level1, level2)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"投入指标", "过程指标", "指标", "产出效益"})
    void level1OutsideTheDictionaryIsReportedAtLevel1(String level1) {
        ValidationReport report = validate(set(correctedSample(), OUTPUT + "/level1", level1));

        // The 二级指标 is not judged under an unknown 一级指标.
        assertThat(errors(report)).containsExactly(OUTPUT + "/level1 indicator.level1");
        assertThat(message(report, OUTPUT + "/level1", "indicator.level1"))
                .isEqualTo("“年度目标第1项/绩效指标第1项/一级指标”为“" + level1 + "”，不是本表的一级指标（可选：产出指标、效益指标、满意度指标）");
    }

    @Test
    void level2FromAnotherLevel1IsReportedAtLevel2() {
        ValidationReport report = validate(withLevels(OUTCOME, "效益", "数量"));

        assertThat(errors(report)).containsExactly(OUTCOME + "/level2 indicator.level2");
        assertThat(message(report, OUTCOME + "/level2", "indicator.level2"))
                .isEqualTo("“年度目标第1项/绩效指标第3项/二级指标”为“数量”，不是一级指标“效益指标”下的二级指标"
                        + "（可选：社会效益指标、经济效益指标、生态效益指标、可持续发展影响指标、服务对象满意度指标）");
    }

    @ParameterizedTest
    @CsvSource({
            "产出指标, 社会效益指标",
            "产出指标, 服务对象满意度指标",
            "效益指标, 成本指标",
            "满意度指标, 社会效益指标"})
    // 效益指标 → 社会公众满意度指标 was here until issue 10: it is the 财预〔2015〕88号 placement (an alias of
    // 服务对象满意度指标), see IndicatorTreeVariantsTest.
    void level2NotUnderItsLevel1IsReportedAtLevel2(String level1, String level2) {
        // Use an indicator without expected value, so that no value rule looks at the changed levels.
        String indicator = "/longTermGoals/0/indicators/2";

        assertThat(errors(validate(withLevels(indicator, level1, level2))))
                .containsExactly(indicator + "/level2 indicator.level2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"计划标准", "行业标准", "历史标准", "其他标准"})
    void eachOfTheFourStandardsIsAccepted(String standard) {
        assertThat(errors(validate(set(correctedSample(), OUTPUT + "/standard", standard)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"行业", "国家标准", "标准", "行业标准指标"})
    void anyOtherStandardIsReportedAtTheStandard(String standard) {
        ValidationReport report = validate(set(correctedSample(), OUTPUT + "/standard", standard));

        assertThat(errors(report)).containsExactly(OUTPUT + "/standard indicator.standard");
        assertThat(message(report, OUTPUT + "/standard", "indicator.standard"))
                .isEqualTo("“年度目标第1项/绩效指标第1项/绩效标准”为“" + standard + "”，应为计划标准、行业标准、历史标准、其他标准之一");
    }
}
