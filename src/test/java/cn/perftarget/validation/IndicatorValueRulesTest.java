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
import static cn.perftarget.validation.RuleFixture.set;
import static cn.perftarget.validation.RuleFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** indicator.value-format, indicator.percent-range and indicator.unit-mismatch. */
class IndicatorValueRulesTest {

    // 长期目标1/指标3: 效益/社会效益 "≥98%", no history, no expected value.
    private static final String PLAIN = "/longTermGoals/0/indicators/2";
    // 年度目标1/指标3: 效益/社会效益 "≥98%" with expected "98.5%".
    private static final String ANNUAL = "/annualGoals/0/indicators/2";

    @ParameterizedTest
    @ValueSource(strings = {"indicator.value-format", "indicator.percent-range", "indicator.unit-mismatch"})
    void correctedSampleHasNoValueFinding(String rule) {
        assertThat(findingsOf(validate(correctedSample()), rule)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "＞＝95％", ">=95%", "≥95%", "≧95%", "＞=95%", "95%", "=95%", "＝95%", ">95%", "＞95%",
            "≥ 95 %", "大于等于95%", "不低于95%", "95%以上", "≥９５.５%",
            "≤2小时", "<=2小时", "≤157.1万元", "30天以内", "10个", "1,200人次", "0", "≥1",
            "定性：良好", "定性:较好", "优", "良", "达标", "明显提升", "是",
            // Plain qualitative phrases and date targets (issue 10); 良好 was refused before.
            "良好", "按时完成", "应保尽保", "2023年6月底前", "12月31日前"})
    void operatorNumberAndUnitOrAGradeIsAccepted(String value) {
        ObjectNode document = set(correctedSample(), PLAIN + "/value", value);

        assertThat(errors(validate(document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"98%%", "≥", "%98", "约98%", "98%-99%", "≥≥98%", "98.%", "9 8%", "定性：", "1,20人",
            // A unit on a qualitative phrase, a unit that contradicts itself (issue 10: keep catching).
            "应保尽保%", "28.8万元%"})
    void unreadableValueIsReportedAtTheValue(String value) {
        ObjectNode document = set(correctedSample(), PLAIN + "/value", value);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(PLAIN + "/value indicator.value-format");
        assertThat(message(report, PLAIN + "/value", "indicator.value-format"))
                .startsWith("“长期目标第1项/绩效指标第3项/指标值”为“" + value + "”，无法识别");
    }

    @Test
    void unreadableHistoryAndExpectedValuesAreReportedWhereTheyAre() {
        ObjectNode document = correctedSample();
        set(document, ANNUAL + "/history", json("{\"2018\": \"97%\", \"2019\": \"98%%\"}"));
        // Was “九十八”, a plain phrase that is a qualitative value since issue 10; with a unit it is not.
        set(document, ANNUAL + "/expected", "九十八%");

        assertThat(errors(validate(document))).containsExactly(
                ANNUAL + "/history/2019 indicator.value-format",
                ANNUAL + "/expected indicator.value-format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0%", "100%", "≤100%", "99.99%", "100.0%"})
    void percentFrom0To100IsAccepted(String value) {
        ObjectNode document = set(correctedSample(), PLAIN + "/value", value);

        assertThat(errors(validate(document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"101%", "≥100.01%", "≥-1%", "120％"})
    void percentOutside0To100IsReportedAtTheValue(String value) {
        ObjectNode document = set(correctedSample(), PLAIN + "/value", value);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(PLAIN + "/value indicator.percent-range");
        assertThat(message(report, PLAIN + "/value", "indicator.percent-range"))
                .isEqualTo("“长期目标第1项/绩效指标第3项/指标值”为“" + value + "”，百分比应在0%到100%之间");
    }

    @Test
    void percentOver100InHistoryOrExpectedIsReportedWhereItIs() {
        ObjectNode document = correctedSample();
        set(document, ANNUAL + "/history", json("{\"2019\": \"120%\"}"));
        set(document, ANNUAL + "/expected", "101%");

        assertThat(errors(validate(document))).containsExactly(
                ANNUAL + "/history/2019 indicator.percent-range",
                ANNUAL + "/expected indicator.percent-range");
    }

    @Test
    void numbersOver100InOtherUnitsAreNotPercentages() {
        ObjectNode document = set(correctedSample(), PLAIN + "/value", "≥150个");

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void historyAndExpectedInTheUnitOfTheValuePass() {
        ObjectNode document = correctedSample();
        set(document, ANNUAL + "/history", json("{\"2018\": \"97.5%\", \"2019\": \"98.1％\"}"));
        set(document, ANNUAL + "/expected", "98.5 %");

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void historyInAnotherUnitIsReportedAtThatYear() {
        ObjectNode document = set(correctedSample(), ANNUAL + "/history", json("{\"2018\": \"97%\", \"2019\": \"98个\"}"));

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(ANNUAL + "/history/2019 indicator.unit-mismatch");
        assertThat(message(report, ANNUAL + "/history/2019", "indicator.unit-mismatch"))
                .isEqualTo("“年度目标第1项/绩效指标第3项/近两年指标值/2019”为“98个”，单位为个，与指标值“≥98%”的单位%不一致");
    }

    @Test
    void expectedInAnotherUnitIsReportedAtTheExpectedValue() {
        ObjectNode document = set(correctedSample(), "/annualGoals/0/indicators/1/expected", "1571000元");

        // Not compared with the ≤157.1万元 target either: the units differ.
        assertThat(errors(validate(document))).containsExactly("/annualGoals/0/indicators/1/expected indicator.unit-mismatch");
    }

    @Test
    void expectedWithoutUnitBesideAPercentTargetIsAnotherUnit() {
        ObjectNode document = set(correctedSample(), ANNUAL + "/expected", "98.5");

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly(ANNUAL + "/expected indicator.unit-mismatch");
        assertThat(message(report, ANNUAL + "/expected", "indicator.unit-mismatch")).contains("单位为无单位");
    }

    @Test
    void qualitativeValuesHaveNoUnitToCompare() {
        ObjectNode document = correctedSample();
        set(document, ANNUAL + "/value", "定性：良好");
        set(document, ANNUAL + "/history", json("{\"2019\": \"较好\"}"));
        set(document, ANNUAL + "/expected", "98%");

        assertThat(errors(validate(document))).isEmpty();
    }
}
