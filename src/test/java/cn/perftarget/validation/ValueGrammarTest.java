package cn.perftarget.validation;

import static cn.perftarget.validation.Templates.DEPT_V1;
import static cn.perftarget.validation.Templates.DEPT_V2;
import static cn.perftarget.validation.Templates.PROJECT_V1;
import static cn.perftarget.validation.Templates.deptV2Sample;
import static cn.perftarget.validation.Templates.findings;
import static cn.perftarget.validation.Templates.projectSample;
import static cn.perftarget.validation.Templates.validate;
import static cn.perftarget.validation.Templates.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value grammar of issue 10 on every template: plain qualitative phrases and date targets are values, a
 * qualitative value under 数量/质量 is at most a warning (v2), an Excel date serial and units on phrases are errors.
 */
class ValueGrammarTest {

    // dept-overall: 年度目标1/指标1 产出/质量 "=100%", 指标2 产出/成本 (v2: 成本/经济成本), 指标3 效益/社会效益 "≥98%".
    private static final String DEPT_QUALITY = "/annualGoals/0/indicators/0";
    private static final String DEPT_OUTCOME = "/longTermGoals/0/indicators/2";
    // project: 指标7 产出/时效 "≤30分钟", 指标5 产出/质量, 指标10 效益/社会效益.
    private static final String PROJECT_TIMELINESS = "/indicators/6/value";
    private static final String PROJECT_QUALITY = "/indicators/4/value";
    private static final String PROJECT_OUTCOME = "/indicators/9/value";

    @ParameterizedTest
    @ValueSource(strings = {"按时完成", "有效提升", "应保尽保", "高", "优良", "按月安排", "良好", "逐步完善，稳定运行"})
    void plainQualitativePhraseIsAValueOnEveryTemplate(String phrase) {
        assertThat(findings(validate(DEPT_V1, with(DeptOverall.correctedSample(), DEPT_OUTCOME + "/value", phrase), 2020))).isEmpty();
        assertThat(findings(validate(DEPT_V2, with(deptV2Sample(), DEPT_OUTCOME + "/value", phrase), 2022))).isEmpty();
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), PROJECT_OUTCOME, phrase), 2021))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"合格", "优良", "定性：良好", "有效提升"})
    void qualitativeValueUnderQualityIsOnlyAWarningToQuantifyOnV2(String phrase) {
        var report = validate(DEPT_V2, with(deptV2Sample(), DEPT_QUALITY + "/value", phrase), 2022);

        assertThat(report.valid()).isTrue();
        // Issue 21: the sample's 质量 indicator is a rate with percentages as 近两年 and 预期 values, so the value is
        // also a qualitative value for a plain quantity (a second warning that says why).
        assertThat(findings(report)).containsExactly(DEPT_QUALITY + "/value indicator.quantify-suggested",
                DEPT_QUALITY + "/value indicator.quantity-qualitative");
        assertThat(RuleFixture.message(report, DEPT_QUALITY + "/value", "indicator.quantify-suggested"))
                .isEqualTo("“年度目标第1项/绩效指标第1项/指标值”为“" + phrase + "”，是定性描述：质量指标一般可以量化，建议写成运算符+数值+单位（如 ≥95%、10个）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年6月底前", "12月31日前", "2022年底前", "6月底", "2022年10月完成", "2023.07-2024.01", "11月中旬"})
    void dateTargetIsAValue(String date) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), PROJECT_TIMELINESS, date), 2021))).isEmpty();
        assertThat(findings(validate(DEPT_V2, with(deptV2Sample(), "/longTermGoals/0/indicators/1/value", date), 2022))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年13月底前", "12月32日前", "2023.13-2024.01", "2023年6月底后"})
    void malformedDateIsAnError(String date) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), PROJECT_TIMELINESS, date), 2021)))
                .containsExactly(PROJECT_TIMELINESS + " indicator.value-format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=44,561", "44561", "＝44561"})
    void excelDateSerialLeakedIntoAValueIsAnErrorNamingTheDate(String value) {
        var report = validate(PROJECT_V1, with(projectSample(), PROJECT_TIMELINESS, value), 2021);

        assertThat(findings(report)).containsExactly(PROJECT_TIMELINESS + " indicator.date-serial");
        assertThat(RuleFixture.message(report, PROJECT_TIMELINESS, "indicator.date-serial"))
                .isEqualTo("“绩效指标第7项/指标值”为“" + value + "”，像是Excel把日期存成了序列号（即2021年12月31日）：请写成日期（如 2021年12月31日前）或写明数值的单位");

        var dept = validate(DEPT_V1, with(DeptOverall.correctedSample(), DEPT_OUTCOME + "/value", value), 2020);
        assertThat(findings(dept)).containsExactly(DEPT_OUTCOME + "/value indicator.date-serial");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=44,561人次", "≥44561个", "=100", "9000"})
    void numberWithAUnitOrOutsideTheSerialRangeIsNoDateSerial(String value) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), "/indicators/3/value", value), 2021))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"应保尽保%", "28.8万元%", "按时完成％"})
    void unitOnAPhraseOrAUnitThatContradictsItselfIsStillAnError(String value) {
        var report = validate(PROJECT_V1, with(projectSample(), PROJECT_QUALITY, value), 2021);

        assertThat(findings(report)).containsExactly(PROJECT_QUALITY + " indicator.value-format");
        assertThat(RuleFixture.message(report, PROJECT_QUALITY, "indicator.value-format"))
                .startsWith("“绩效指标第5项/指标值”为“" + value + "”，无法识别：应为运算符+数值+单位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"292%", "≥101%"})
    void percentOutOfRangeIsStillAnError(String value) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), PROJECT_QUALITY, value), 2021)))
                .containsExactly(PROJECT_QUALITY + " indicator.percent-range");
    }
}
