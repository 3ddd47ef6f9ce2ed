package cn.perftarget.validation;

import static cn.perftarget.validation.Templates.DEPT_V1;
import static cn.perftarget.validation.Templates.DEPT_V2;
import static cn.perftarget.validation.Templates.deptV2Sample;
import static cn.perftarget.validation.Templates.findings;
import static cn.perftarget.validation.Templates.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** dept-overall v2, for budget years from 2022: the 101号 tree, optional 长期目标, the rules of v1 plus two warnings. */
class DeptOverallV2Test {

    @Test
    void definitionHasTheRulesOfV1PlusTheTwoWarningsOfIssue10() {
        List<String> v2 = rules(DEPT_V2.source());
        List<String> added = v2.stream().filter(rule -> !rules(DEPT_V1.source()).contains(rule)).toList();

        // Each added rule has passing and failing cases in IndicatorTreeVariantsTest and ValueGrammarTest.
        assertThat(added).containsExactly("indicator.cost-under-output warning", "indicator.quantify-suggested warning");
        assertThat(v2).containsAll(rules(DEPT_V1.source()));
    }

    private static List<String> rules(JsonNode source) {
        return StreamSupport.stream(source.path("rules").spliterator(), false)
                .map(rule -> rule.path("id").asText() + " " + rule.path("severity").asText("error")).toList();
    }

    @Test
    void the2022SampleIsValidWithoutFindings() {
        assertThat(findings(validate(DEPT_V2, deptV2Sample(), 2022))).isEmpty();
    }

    @Test
    void longTermGoalsMayBeLeftOutOnV2ButNotOnV1() {
        var v2 = deptV2Sample();
        v2.remove("longTermGoals");
        assertThat(findings(validate(DEPT_V2, v2, 2022))).isEmpty();

        var v1 = DeptOverall.correctedSample();
        v1.remove("longTermGoals");
        assertThat(findings(validate(DEPT_V1, v1, 2020))).containsExactly("/longTermGoals structure.required");
    }

    @Test
    void v2IsForBudgetYearsFrom2022() {
        assertThat(DEPT_V2.servesYear(2021)).isFalse();
        assertThat(DEPT_V2.servesYear(2022)).isTrue();
        assertThat(DEPT_V1.servesYear(2021)).isTrue();
        assertThat(DEPT_V1.servesYear(2022)).isFalse();
    }
}
