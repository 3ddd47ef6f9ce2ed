package cn.perftarget.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static cn.perftarget.validation.DeptOverall.DEFINITION;
import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.DeptOverall.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ValidateTest {

    private final DocumentValidator validator = new DocumentValidator(new RuleSets());

    private ValidationReport validate(ObjectNode document, int year) {
        return validator.validate(DEFINITION, document, new ValidationContext(year));
    }

    @Test
    void correctedHuangpiSampleIsValidFor2020() {
        ValidationReport report = validate(correctedSample(), 2020);

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void initialDocumentReportsEveryMissingSection() {
        ValidationReport report = validate(DEFINITION.initialDocument("黄陂区大数据中心", 2020), 2020);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                tuple("/header/filler", "structure.required"),
                tuple("/header/phone", "structure.required"),
                tuple("/funds", "structure.required"),
                tuple("/functions", "structure.required"),
                tuple("/annualTasks", "structure.required"),
                tuple("/longTermGoals", "structure.required"),
                tuple("/annualGoals", "structure.required"));
    }

    @Test
    void blankRequiredValuesAreReportedWithTheirLabel() {
        ObjectNode sample = correctedSample();
        ((ObjectNode) sample.get("header")).put("department", "  ");
        ((ObjectNode) sample.at("/annualGoals/1/indicators/2")).remove("value");
        sample.withArray("/annualTasks").set(1, sample.nullNode());
        sample.withArray("/longTermGoals").removeAll();

        ValidationReport report = validate(sample, 2020);

        assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactlyInAnyOrder(
                tuple("/header/department", "structure.required", "“部门名称”为必填项"),
                tuple("/annualGoals/1/indicators/2/value", "structure.required", "“年度目标第2项/绩效指标第3项/指标值”为必填项"),
                tuple("/annualTasks/1", "structure.required", "“年度工作任务第2项”为必填项"),
                tuple("/longTermGoals", "structure.required", "“长期目标”为必填项，至少填写一项"));
    }

    @Test
    void yearDifferentFromTheDeclarationsYearIsAnError() {
        ValidationReport report = validate(correctedSample(), 2021);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message)
                .contains(tuple("/header/year", "header.year-mismatch", "“年度”为2020，与申报年度2021不一致"));
        // A 2020 form filed for 2021 also has its 近两年 columns two years off (2018, 2019 instead of 2019, 2020).
        assertThat(report.errors()).extracting(Finding::rule).containsOnly("header.year-mismatch", "funds.history-years");
    }

    @Test
    void structureErrorsAlsoFailValidation() {
        ObjectNode sample = correctedSample();
        ((ObjectNode) sample.get("header")).put("fax", "85916419");

        assertThat(validate(sample, 2020).errors()).extracting(Finding::path, Finding::rule)
                .containsExactly(tuple("/header/fax", "structure.unknown-field"));
    }
}
