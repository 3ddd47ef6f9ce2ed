package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.RuleFixture.errors;
import static cn.perftarget.validation.RuleFixture.json;
import static cn.perftarget.validation.RuleFixture.message;
import static cn.perftarget.validation.RuleFixture.remove;
import static cn.perftarget.validation.RuleFixture.set;
import static cn.perftarget.validation.RuleFixture.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** structure.* findings of a full validation, each on an otherwise correct document. */
class StructureRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"structure.unknown-field", "structure.type", "structure.max-length", "structure.max-items",
            "structure.range", "structure.scale", "structure.required"})
    void correctedSampleHasNoStructureFinding(String rule) {
        assertThat(RuleFixture.findingsOf(validate(correctedSample()), rule)).isEmpty();
    }

    @Test
    void unknownFieldOfAnIndicatorIsReportedAtIt() {
        ObjectNode document = set(correctedSample(), "/annualGoals/0/indicators/1/weight", 10);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/annualGoals/0/indicators/1/weight structure.unknown-field");
        assertThat(message(report, "/annualGoals/0/indicators/1/weight", "structure.unknown-field"))
                .isEqualTo("“年度目标第1项/绩效指标第2项”中有未知字段“weight”");
    }

    @Test
    void historyKeyThatIsNotAYearIsAnUnknownField() {
        ObjectNode document = set(correctedSample(), "/annualGoals/0/indicators/2/history", json("{\"去年\": \"98%\"}"));

        assertThat(errors(validate(document))).containsExactly("/annualGoals/0/indicators/2/history/去年 structure.unknown-field");
    }

    @Test
    void wrongJsonTypeIsReportedAtTheValue() {
        ObjectNode document = set(correctedSample(), "/funds/income/other/budget", "0");

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/funds/income/other/budget structure.type");
        assertThat(message(report, "/funds/income/other/budget", "structure.type"))
                .isEqualTo("“收入构成/其他资金/当年预算（万元）”应为数字，实际为文本（“0”）");
    }

    @Test
    void tooLongTextIsReportedAtIt() {
        ObjectNode document = set(correctedSample(), "/header/filler", "张".repeat(51));

        assertThat(errors(validate(document))).containsExactly("/header/filler structure.max-length");
    }

    @Test
    void textAtItsMaximumLengthPasses() {
        ObjectNode document = set(correctedSample(), "/header/filler", "张".repeat(50));

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void tooManyItemsAreReportedAtTheList() {
        ObjectNode document = correctedSample();
        ArrayNode tasks = document.withArray("/annualTasks");
        while (tasks.size() < 101) {
            tasks.add("任务" + tasks.size());
        }

        assertThat(errors(validate(document))).containsExactly("/annualTasks structure.max-items");
    }

    @Test
    void negativeAmountIsOutOfRange() {
        ObjectNode document = correctedSample();
        // Keep the sum and the shares right so that only the range is wrong.
        set(document, "/funds/income/fiscal/budget", 243.98);
        set(document, "/funds/income/other/budget", -1);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/funds/income/other/budget structure.range");
        assertThat(message(report, "/funds/income/other/budget", "structure.range"))
                .isEqualTo("“收入构成/其他资金/当年预算（万元）”不能小于0，实际为-1");
    }

    @Test
    void amountWithMoreThanSixDecimalsIsReportedAtIt() {
        // 0.0000001 is within the sums' tolerance, so only the scale is wrong.
        ObjectNode document = set(correctedSample(), "/funds/income/fiscal/history/2019", 0.0000001);

        assertThat(errors(validate(document))).containsExactly("/funds/income/fiscal/history/2019 structure.scale");
    }

    @Test
    void amountWithSixDecimalsPasses() {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/fiscal/history/2019", 1.000001);
        set(document, "/funds/income/total/history/2019", 1.000001);
        set(document, "/funds/expenditure/project/history/2019", 1.000001);
        set(document, "/funds/expenditure/total/history/2019", 1.000001);

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void missingOrBlankRequiredValuesAreReportedAtThem() {
        ObjectNode document = correctedSample();
        remove(document, "/header/filler");
        set(document, "/annualGoals/2/title", "  ");
        remove(document, "/annualGoals/1/indicators/0/standard");

        assertThat(errors(validate(document))).containsExactly(
                "/header/filler structure.required",
                "/annualGoals/1/indicators/0/standard structure.required",
                "/annualGoals/2/title structure.required");
    }

    @Test
    void optionalHistoryAndExpectedMayBeLeftOut() {
        ObjectNode document = correctedSample();
        remove(document, "/annualGoals/0/indicators/0/expected");
        set(document, "/annualGoals/0/indicators/1/expected", null);
        set(document, "/annualGoals/0/indicators/2/history", json("{\"2018\": null, \"2019\": null}"));

        assertThat(errors(validate(document))).isEmpty();
    }
}
