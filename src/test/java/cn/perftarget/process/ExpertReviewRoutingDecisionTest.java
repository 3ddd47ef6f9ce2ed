package cn.perftarget.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;

/**
 * Every rule of ExpertReviewRouting.dmn, evaluated on the deployed decision. Which rule answered is read from the
 * decision's history and named by its position in the deployed table (1 template requires experts, 2 budget of at
 * least 500 万元, 3 otherwise).
 */
@ApplicationTest
class ExpertReviewRoutingDecisionTest {

    private static final int RULE_TEMPLATE_REQUIRES_EXPERT = 1;
    private static final int RULE_LARGE_BUDGET = 2;
    private static final int RULE_OTHERWISE = 3;

    @Autowired
    DecisionService decisions;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @ParameterizedTest
    @ValueSource(doubles = {0, 499.99, 500, 10000})
    void templateRequiringExpertsRoutesToExpertReviewWhateverTheBudget(double budget) {
        var routed = evaluate(true, budget);

        assertThat(routed.expertReview()).isTrue();
        assertThat(routed.rule()).isEqualTo(RULE_TEMPLATE_REQUIRES_EXPERT);
    }

    @Test
    void budgetOfExactly500IsLargeEnoughForExpertReview() {
        var routed = evaluate(false, 500);

        assertThat(routed.expertReview()).isTrue();
        assertThat(routed.rule()).isEqualTo(RULE_LARGE_BUDGET);
    }

    @Test
    void budgetJustBelow500IsApprovedWithoutExperts() {
        var routed = evaluate(false, 499.99);

        assertThat(routed.expertReview()).isFalse();
        assertThat(routed.rule()).isEqualTo(RULE_OTHERWISE);
    }

    @Test
    void budgetOf10000GoesToExpertReview() {
        var routed = evaluate(false, 10000);

        assertThat(routed.expertReview()).isTrue();
        assertThat(routed.rule()).isEqualTo(RULE_LARGE_BUDGET);
    }

    @Test
    void zeroBudgetWithoutTemplateRequirementIsApprovedWithoutExperts() {
        var routed = evaluate(false, 0);

        assertThat(routed.expertReview()).isFalse();
        assertThat(routed.rule()).isEqualTo(RULE_OTHERWISE);
    }

    @Test
    void firstMatchingRuleDecidesWhenSeveralMatch() {
        // 600 万元 without template requirement: rule 2 (true) and the catch-all rule 3 (false) both match.
        var largeBudget = evaluate(false, 600);
        assertThat(largeBudget.expertReview()).isTrue();
        assertThat(largeBudget.rule()).isEqualTo(RULE_LARGE_BUDGET);

        // Template requirement with 600 万元: all three rules match, the first one answers.
        var all = evaluate(true, 600);
        assertThat(all.expertReview()).isTrue();
        assertThat(all.rule()).isEqualTo(RULE_TEMPLATE_REQUIRES_EXPERT);
    }

    @Test
    void deployedTableUsesTheFirstHitPolicyWithOneBooleanOutput() {
        var table = deployedTable();

        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getOutputs()).singleElement()
                .satisfies(output -> assertThat(output.getName()).isEqualTo("expertReview"))
                .satisfies(output -> assertThat(output.getTypeRef()).isEqualTo("boolean"));
        assertThat(table.getRules()).hasSize(3);
    }

    /** What the decision answered, and the order of the rule that answered it. */
    private record Routed(Boolean expertReview, int rule) {
    }

    private Routed evaluate(boolean templateRequiresExpert, double totalBudget) {
        Set<String> before = evaluations().stream().map(HistoricDecisionInstance::getId).collect(Collectors.toSet());

        var result = decisions.evaluateDecisionTableByKey("Decision_ExpertReviewRouting", Variables.createVariables()
                .putValue("templateRequiresExpert", templateRequiresExpert)
                .putValue("totalBudget", totalBudget));

        var evaluation = evaluations().stream().filter(e -> !before.contains(e.getId())).toList();
        assertThat(evaluation).as("history of this evaluation").hasSize(1);
        assertThat(evaluation.get(0).getOutputs()).as("matched rules").hasSize(1);
        HistoricDecisionOutputInstance output = evaluation.get(0).getOutputs().get(0);
        assertThat(output.getVariableName()).isEqualTo("expertReview");
        Boolean expertReview = result.getSingleResult().getSingleEntry();
        assertThat(expertReview).isEqualTo(output.getValue());
        return new Routed(expertReview, ruleIds().indexOf(output.getRuleId()) + 1);
    }

    private DecisionTable deployedTable() {
        var definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("Decision_ExpertReviewRouting")
                .latestVersion()
                .singleResult();
        return (DecisionTable) repository.getDmnModelInstance(definition.getId())
                .getModelElementById("Decision_ExpertReviewRouting")
                .getUniqueChildElementByType(DecisionTable.class);
    }

    /** The ids of the deployed table's rules, in table order. */
    private List<String> ruleIds() {
        return deployedTable().getRules().stream().map(Rule::getId).toList();
    }

    private List<HistoricDecisionInstance> evaluations() {
        return history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("Decision_ExpertReviewRouting")
                .includeOutputs()
                .list();
    }
}
