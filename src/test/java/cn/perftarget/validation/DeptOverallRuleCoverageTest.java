package cn.perftarget.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static cn.perftarget.validation.DeptOverall.DEFINITION;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule added to dept-overall v1, or one whose severity changes, needs its own passing and failing cases. */
class DeptOverallRuleCoverageTest {

    @Test
    void definitionHasExactlyTheRulesAndSeveritiesTheRuleTestsCover() {
        List<String> rules = StreamSupport.stream(DEFINITION.source().path("rules").spliterator(), false)
                .map((JsonNode rule) -> rule.path("id").asText() + " " + rule.path("severity").asText("error"))
                .toList();

        assertThat(rules).containsExactly(
                "header.phone-format error",                // HeaderRulesTest
                "funds.total-sum error",                    // FundRulesTest
                "funds.share error",
                "funds.shares-total error",
                "funds.share-blank warning",
                "funds.income-expenditure-balance error",
                "funds.history-years error",
                "indicator.level1 error",                   // IndicatorDictionaryRulesTest
                "indicator.level2 error",
                "indicator.standard error",
                "indicator.name-is-category error",         // IndicatorTreeVariantsTest (issue 10)
                "indicator.value-format error",             // IndicatorValueRulesTest
                "indicator.date-serial error",              // ValueGrammarTest (issue 10)
                "indicator.percent-range error",
                "indicator.unit-mismatch error",
                "indicator.expected-unmet error",           // IndicatorTargetRulesTest
                "indicator.satisfaction-low warning",
                "goal.output-indicator-missing error",      // CompletenessRulesTest
                "goal.outcome-indicator-missing error",
                "goal.indicator-name-duplicate error",
                "indicator.number-missing error",           // GeneralisationRulesTest (issue 21)
                "indicator.quantity-qualitative warning",
                "indicator.negative-direction warning",
                "indicator.unit-name warning",
                "indicator.cost-qualitative warning",
                "indicator.output-zero warning",
                "text.placeholder error");
    }
}
