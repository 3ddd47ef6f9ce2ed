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
import static cn.perftarget.validation.RuleFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/** funds.total-sum, funds.share, funds.shares-total, funds.share-blank, funds.income-expenditure-balance. */
class FundRulesTest {

    /** The corrected sample with the income table replaced; expenditure is one project row with the same total. */
    private static ObjectNode withIncome(String fiscal, String fiscalShare, String other, String otherShare, String total) {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/fiscal", json("{\"budget\": " + fiscal + ", \"share\": " + fiscalShare + "}"));
        set(document, "/funds/income/other", json("{\"budget\": " + other + ", \"share\": " + otherShare + "}"));
        set(document, "/funds/income/total", json("{\"budget\": " + total + ", \"share\": 100}"));
        set(document, "/funds/expenditure/project", json("{\"budget\": " + total + ", \"share\": 100}"));
        set(document, "/funds/expenditure/total", json("{\"budget\": " + total + ", \"share\": 100}"));
        return document;
    }

    @Test
    void correctedSampleHasNoFundFindings() {
        ValidationReport report = validate(correctedSample());

        assertThat(errors(report)).isEmpty();
        assertThat(warnings(report)).isEmpty();
    }

    @Test
    void totalEqualToTheSumOfItsPartsInEveryColumnPasses() {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/fiscal/history", json("{\"2019\": 200.5, \"2018\": 180}"));
        set(document, "/funds/income/other/history", json("{\"2019\": 10.25}"));
        set(document, "/funds/income/total/history", json("{\"2019\": 210.75, \"2018\": 180}"));
        set(document, "/funds/expenditure/project/history", json("{\"2019\": 210.75, \"2018\": 180}"));
        set(document, "/funds/expenditure/total/history", json("{\"2019\": 210.75, \"2018\": 180}"));

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void totalOfAHistoryYearThatIsNotTheSumIsReportedAtThatYear() {
        ObjectNode document = set(correctedSample(), "/funds/income/total/history/2019", 1);

        ValidationReport report = validate(document);

        // The expenditure total of 2019 is still 0, so the two totals disagree as well.
        assertThat(errors(report)).containsExactly(
                "/funds/income/total/history/2019 funds.total-sum",
                "/funds/income/total/history/2019 funds.income-expenditure-balance");
        assertThat(message(report, "/funds/income/total/history/2019", "funds.total-sum"))
                .isEqualTo("“收入构成/合计/近两年收支情况/2019”为1万元，不等于各项之和0万元");
    }

    @Test
    void aYearThatOnlyAPartHasCountsAsAColumnOfTheTotal() {
        ObjectNode document = set(correctedSample(), "/funds/expenditure/basic/history", json("{\"2017\": 3}"));

        assertThat(findingsOf(validate(document), "funds.total-sum"))
                .containsExactly("/funds/expenditure/total/history/2017 funds.total-sum");
    }

    @Test
    void aTotalWithoutTheYearsAPartHasIsReportedWhereItsYearsWouldBe() {
        ObjectNode document = correctedSample();
        document.withObject("/funds/income/total").remove("history");
        set(document, "/funds/income/fiscal/history/2019", 5);

        // Not /funds/income/total/history/2019: that path names a place under a member the total does not have.
        assertThat(findingsOf(validate(document), "funds.total-sum"))
                .containsExactly("/funds/income/total/history funds.total-sum");
    }

    @Test
    void aTotalWhoseYearsAreNotATableIsReportedAtThatCell() {
        ObjectNode document = set(correctedSample(), "/funds/income/total/history", "见附件");
        set(document, "/funds/income/fiscal/history/2019", 5);

        assertThat(findingsOf(validate(document), "funds.total-sum"))
                .containsExactly("/funds/income/total/history funds.total-sum");
    }

    @Test
    void anIncomeTotalWithoutTheYearsTheExpenditureTotalHasIsReportedWhereItsYearsWouldBe() {
        ObjectNode document = correctedSample();
        document.withObject("/funds/income/total").remove("history");
        set(document, "/funds/expenditure/total/history/2019", 5);

        assertThat(findingsOf(validate(document), "funds.income-expenditure-balance"))
                .containsExactly("/funds/income/total/history funds.income-expenditure-balance");
    }

    @Test
    void sumWithinTheToleranceOfOneMillionthPasses() {
        ObjectNode document = set(correctedSample(), "/funds/income/fiscal/budget", 242.980001);

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void sumOffByMoreThanTheToleranceIsReportedAtTheTotalsBudget() {
        ObjectNode document = set(correctedSample(), "/funds/income/fiscal/budget", 242.980002);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/funds/income/total/budget funds.total-sum");
        assertThat(message(report, "/funds/income/total/budget", "funds.total-sum"))
                .isEqualTo("“收入构成/合计/当年预算（万元）”为242.98万元，不等于各项之和242.980002万元");
    }

    @Test
    void blankAmountsReadAsZeroSoAnEmptyOtherFundsRowIsFine() {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/other", json("{\"budget\": null, \"share\": null, \"history\": {\"2019\": null}}"));
        set(document, "/funds/income/fiscal/history/2019", null);
        set(document, "/funds/expenditure/basic", json("{}"));

        ValidationReport report = validate(document);

        assertThat(errors(report)).isEmpty();
        assertThat(warnings(report)).isEmpty();
    }

    @Test
    void shareIsCheckedAtThePrecisionItIsWrittenIn() {
        // 299.21 / 400 × 100 = 74.8025 and 100.79 / 400 × 100 = 25.1975, printed with one decimal
        ValidationReport report = validate(withIncome("299.21", "74.8", "100.79", "25.2", "400"));

        assertThat(errors(report)).isEmpty();
        assertThat(warnings(report)).isEmpty();
    }

    @Test
    void shareFullyWrittenOutIsAcceptedToo() {
        assertThat(errors(validate(withIncome("299.21", "74.8025", "100.79", "25.1975", "400")))).isEmpty();
    }

    @Test
    void shareThatIsWrongAtItsPrecisionIsReportedWithTheExpectedValue() {
        ValidationReport report = validate(withIncome("299.21", "74.9", "100.79", "25.2", "400"));

        // 74.9 + 25.2 = 100.1 still adds up within ±0.1: only the share itself is wrong.
        assertThat(errors(report)).containsExactly("/funds/income/fiscal/share funds.share");
        assertThat(message(report, "/funds/income/fiscal/share", "funds.share"))
                .isEqualTo("“收入构成/财政拨款/占比（%）”为74.9，按299.21÷400×100 应为74.8");
    }

    @Test
    void shareWithTooFewDecimalsForTheDifferenceIsNotRounded() {
        // 74.8025 written without decimals would be 75, not 74.
        assertThat(errors(validate(withIncome("299.21", "74", "100.79", "25", "400"))))
                .containsExactly("/funds/income/fiscal/share funds.share",
                        "/funds/income/total/share funds.shares-total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "100.0", "100.00"})
    void wholeShareMayBeWrittenWithOrWithoutDecimals(String share) {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/fiscal/share", json(share));
        set(document, "/funds/expenditure/total/share", json(share));

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void totalRowShareOtherThan100IsWrong() {
        ObjectNode document = set(correctedSample(), "/funds/expenditure/total/share", 99);

        assertThat(errors(validate(document))).containsExactly("/funds/expenditure/total/share funds.share");
    }

    @Test
    void sharesAddingUpTo100WithinATenthPass() {
        // 50.05 → 50.1 and 49.95 → 50.0: each correct at one decimal, together 100.1
        assertThat(errors(validate(withIncome("0.5005", "50.1", "0.4995", "50.0", "1")))).isEmpty();
    }

    @Test
    void sharesAddingUpToMoreThan100PlusATenthAreReportedAtTheTotalShare() {
        // 50.5 → 51 and 49.5 → 50: each correct when rounded to whole percent, together 101
        ValidationReport report = validate(withIncome("101", "51", "99", "50", "200"));

        assertThat(errors(report)).containsExactly("/funds/income/total/share funds.shares-total");
        assertThat(message(report, "/funds/income/total/share", "funds.shares-total"))
                .isEqualTo("“收入构成/合计/占比（%）”：各项占比之和为101，应为100（允许±0.1）");
    }

    @Test
    void blankShareBesideANonZeroAmountIsOnlyAWarning() {
        ObjectNode document = set(correctedSample(), "/funds/income/fiscal/share", null);

        ValidationReport report = validate(document);

        assertThat(warnings(report)).containsExactly("/funds/income/fiscal/share funds.share-blank");
        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(message(report, "/funds/income/fiscal/share", "funds.share-blank"))
                .isEqualTo("“收入构成/财政拨款/占比（%）”未填写，但当年预算为242.98万元");
    }

    @Test
    void blankShareBesideAZeroOrBlankAmountIsFine() {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/other/share", null);
        set(document, "/funds/expenditure/basic", json("{\"budget\": null, \"share\": null}"));

        ValidationReport report = validate(document);

        assertThat(warnings(report)).isEmpty();
        assertThat(errors(report)).isEmpty();
    }

    @Test
    void incomeTotalDifferentFromExpenditureTotalIsReportedAtTheIncomeTotal() {
        ObjectNode document = correctedSample();
        set(document, "/funds/expenditure/project/budget", 250);
        set(document, "/funds/expenditure/total/budget", 250);

        ValidationReport report = validate(document);

        assertThat(errors(report)).containsExactly("/funds/income/total/budget funds.income-expenditure-balance");
        assertThat(message(report, "/funds/income/total/budget", "funds.income-expenditure-balance"))
                .isEqualTo("收入合计与支出合计不相等：“收入构成/合计/当年预算（万元）”为242.98万元，"
                        + "“支出构成/合计/当年预算（万元）”为250万元");
    }

    @Test
    void incomeAndExpenditureTotalsWithinToleranceBalance() {
        ObjectNode document = correctedSample();
        set(document, "/funds/expenditure/project/budget", 242.980001);
        set(document, "/funds/expenditure/total/budget", 242.980001);

        assertThat(errors(validate(document))).isEmpty();
    }

    @Test
    void totalsOfAHistoryYearMustBalanceToo() {
        ObjectNode document = correctedSample();
        set(document, "/funds/income/fiscal/history/2018", 5);
        set(document, "/funds/income/total/history/2018", 5);

        assertThat(errors(validate(document)))
                .containsExactly("/funds/income/total/history/2018 funds.income-expenditure-balance");
    }

    @Test
    void historyColumnsOfTheTwoYearsBeforeTheFormsYearPass() {
        assertThat(findingsOf(validate(correctedSample()), "funds.history-years")).isEmpty();
    }

    @Test
    void historyYearOutsideTheTwoYearsBeforeIsReportedAtThatRowsHistory() {
        ObjectNode document = correctedSample();
        set(document, "/funds/expenditure/basic/history/2017", 0);

        var report = validate(document);
        assertThat(findingsOf(report, "funds.history-years")).containsExactly("/funds/expenditure/basic/history funds.history-years");
        assertThat(message(report, "/funds/expenditure/basic/history", "funds.history-years")).contains("2018年和2019年");
    }
}
