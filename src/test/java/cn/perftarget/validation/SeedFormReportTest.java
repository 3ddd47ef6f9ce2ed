package cn.perftarget.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import static cn.perftarget.validation.DeptOverall.JSON;
import static cn.perftarget.validation.DeptOverall.correctedSample;
import static cn.perftarget.validation.RuleFixture.errors;
import static cn.perftarget.validation.RuleFixture.validate;
import static cn.perftarget.validation.RuleFixture.warnings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full report of the 2020 form of 黄陂区大数据中心 as published (forms/samples, seed) and as corrected. Findings
 * come in the order the checks run: structure in document order, then the definition's rules in the order they are
 * listed, each rule going through its places.
 */
class SeedFormReportTest {

    private static final List<String> SEED_ERRORS = concat(
            // 绩效标准 never printed in the 产出 rows; the trailing “... ...” 效益 rows have nothing else; the third
            // long-term goal has no indicator table at all.
            """
            /longTermGoals/0/indicators/0/standard structure.required
            /longTermGoals/0/indicators/3/name structure.required
            /longTermGoals/0/indicators/3/value structure.required
            /longTermGoals/0/indicators/3/standard structure.required
            /longTermGoals/1/indicators/0/standard structure.required
            /longTermGoals/1/indicators/3/name structure.required
            /longTermGoals/1/indicators/3/value structure.required
            /longTermGoals/1/indicators/3/standard structure.required
            /longTermGoals/2/indicators structure.required
            /annualGoals/0/indicators/0/standard structure.required
            /annualGoals/0/indicators/3/name structure.required
            /annualGoals/0/indicators/3/value structure.required
            /annualGoals/0/indicators/3/standard structure.required
            /annualGoals/1/indicators/0/standard structure.required
            /annualGoals/1/indicators/3/name structure.required
            /annualGoals/1/indicators/3/value structure.required
            /annualGoals/1/indicators/3/standard structure.required
            /annualGoals/2/indicators/0/standard structure.required
            /annualGoals/2/indicators/1/name structure.required
            /annualGoals/2/indicators/1/value structure.required
            /annualGoals/2/indicators/1/standard structure.required
            /annualGoals/2/indicators/3/name structure.required
            /annualGoals/2/indicators/3/value structure.required
            /annualGoals/2/indicators/3/standard structure.required
            """,
            // 二级指标 “指标” and “... ...” from the blank template.
            // Changed by issue 10: 社会公众满意度指标 under 效益 (.../indicators/2/level2 of long-term goals 1 and 2 and of
            // annual goals 1 to 3) was reported here as not an entry under 效益. It is 财预〔2015〕88号's
            // 社会公众或服务对象满意度指标 in its common short form, now an alias of 服务对象满意度指标: five findings less.
            """
            /longTermGoals/0/indicators/0/level2 indicator.level2
            /longTermGoals/0/indicators/3/level2 indicator.level2
            /longTermGoals/1/indicators/0/level2 indicator.level2
            /longTermGoals/1/indicators/3/level2 indicator.level2
            /annualGoals/0/indicators/0/level2 indicator.level2
            /annualGoals/0/indicators/3/level2 indicator.level2
            /annualGoals/1/indicators/0/level2 indicator.level2
            /annualGoals/1/indicators/3/level2 indicator.level2
            /annualGoals/2/indicators/0/level2 indicator.level2
            /annualGoals/2/indicators/1/level2 indicator.level2
            /annualGoals/2/indicators/3/level2 indicator.level2
            """,
            // 指标值 “... ...” in the 产出 rows (not a qualitative phrase: no words, only dots).
            """
            /longTermGoals/0/indicators/0/value indicator.value-format
            /longTermGoals/1/indicators/0/value indicator.value-format
            /annualGoals/0/indicators/0/value indicator.value-format
            /annualGoals/1/indicators/0/value indicator.value-format
            /annualGoals/2/indicators/0/value indicator.value-format
            """,
            // The third long-term goal “... ...” has no indicators.
            """
            /longTermGoals/2/indicators goal.output-indicator-missing
            /longTermGoals/2/indicators goal.outcome-indicator-missing
            """,
            // The same name under 社会效益 and again under 社会公众满意度 (annual goal 3 has only one of them named).
            """
            /longTermGoals/0/indicators/2/name goal.indicator-name-duplicate
            /longTermGoals/1/indicators/2/name goal.indicator-name-duplicate
            /annualGoals/0/indicators/2/name goal.indicator-name-duplicate
            /annualGoals/1/indicators/2/name goal.indicator-name-duplicate
            """,
            // Every placeholder, field by field per goal: 二级指标 “指标”/“... ...”, 指标名称 “指标”, 指标值 “... ...”, the goal “... ...”.
            """
            /longTermGoals/0/indicators/0/level2 text.placeholder
            /longTermGoals/0/indicators/3/level2 text.placeholder
            /longTermGoals/0/indicators/0/name text.placeholder
            /longTermGoals/0/indicators/0/value text.placeholder
            /longTermGoals/1/indicators/0/level2 text.placeholder
            /longTermGoals/1/indicators/3/level2 text.placeholder
            /longTermGoals/1/indicators/0/name text.placeholder
            /longTermGoals/1/indicators/0/value text.placeholder
            /longTermGoals/2/title text.placeholder
            /annualGoals/0/indicators/0/level2 text.placeholder
            /annualGoals/0/indicators/3/level2 text.placeholder
            /annualGoals/0/indicators/0/name text.placeholder
            /annualGoals/0/indicators/0/value text.placeholder
            /annualGoals/1/indicators/0/level2 text.placeholder
            /annualGoals/1/indicators/3/level2 text.placeholder
            /annualGoals/1/indicators/0/name text.placeholder
            /annualGoals/1/indicators/0/value text.placeholder
            /annualGoals/2/indicators/0/level2 text.placeholder
            /annualGoals/2/indicators/1/level2 text.placeholder
            /annualGoals/2/indicators/3/level2 text.placeholder
            /annualGoals/2/indicators/0/name text.placeholder
            /annualGoals/2/indicators/0/value text.placeholder
            """);

    private static JsonNode seed() {
        try (InputStream in = SeedFormReportTest.class.getResourceAsStream("/forms/samples/dept-overall-2020-huangpi-seed.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(String... blocks) {
        return Arrays.stream(blocks).flatMap(String::lines).toList();
    }

    @Test
    void seedFormIsInvalidWithExactlyTheseErrorsInThisOrder() {
        ValidationReport report = validate(seed(), 2020);

        assertThat(report.valid()).isFalse();
        assertThat(errors(report)).containsExactlyElementsOf(SEED_ERRORS);
    }

    @Test
    void seedFormHasNoWarnings() {
        // Its funds are consistent (blank rows read as 0) and its 满意度 targets are 98%.
        assertThat(warnings(validate(seed(), 2020))).isEmpty();
    }

    @Test
    void seedFormHasNoFindingsAboutItsHeaderOrFunds() {
        ValidationReport report = validate(seed(), 2020);

        assertThat(errors(report)).noneMatch(line -> line.startsWith("/header") || line.startsWith("/funds"));
    }

    @Test
    void correctedFormIsValidWithoutErrorsOrWarnings() {
        ValidationReport report = validate(correctedSample(), 2020);

        assertThat(report.valid()).isTrue();
        assertThat(errors(report)).isEmpty();
        assertThat(warnings(report)).isEmpty();
    }
}
