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

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.perftarget.definition.FormDefinition;

/**
 * Each synonym and placement variant of the indicator tree that issue 10 models as dictionary data
 * ({@code aliases}, {@code decorations}, entries by template version): a document using it passes, and the same
 * name in a place where it does not belong fails.
 */
class IndicatorTreeVariantsTest {

    // A 效益/社会效益 indicator without expected value in each sample, and the project's 满意度 row.
    private static final String DEPT = "/longTermGoals/0/indicators/2";
    private static final String PROJECT = "/indicators/9";
    private static final String PROJECT_SATISFACTION = "/indicators/11";

    private static ObjectNode levels(ObjectNode document, String indicator, String level1, String level2) {
        with(document, indicator + "/level1", level1);
        return with(document, indicator + "/level2", level2);
    }

    private static void passesEverywhere(String level1, String level2) {
        assertThat(findings(validate(DEPT_V1, levels(DeptOverall.correctedSample(), DEPT, level1, level2), 2020))).isEmpty();
        assertThat(findings(validate(DEPT_V2, levels(deptV2Sample(), DEPT, level1, level2), 2022))).isEmpty();
        assertThat(findings(validate(PROJECT_V1, levels(projectSample(), PROJECT, level1, level2), 2021))).isEmpty();
    }

    private static void failsEverywhereAtLevel2(String level1, String level2) {
        assertThat(findings(validate(DEPT_V1, levels(DeptOverall.correctedSample(), DEPT, level1, level2), 2020)))
                .contains(DEPT + "/level2 indicator.level2");
        assertThat(findings(validate(DEPT_V2, levels(deptV2Sample(), DEPT, level1, level2), 2022)))
                .contains(DEPT + "/level2 indicator.level2");
        assertThat(findings(validate(PROJECT_V1, levels(projectSample(), PROJECT, level1, level2), 2021)))
                .contains(PROJECT + "/level2 indicator.level2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"可持续影响指标", "可持续发展影响指标", "可持续影响", "环境效益指标", "生态效益指标", "环境效益"})
    void outcomeSynonymsPassUnderOutcome(String level2) {
        passesEverywhere("效益指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"可持续影响指标", "可持续发展影响指标", "环境效益指标"})
    void outcomeSynonymsFailUnderOutput(String level2) {
        failsEverywhereAtLevel2("产出指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"服务对象满意度指标", "社会公众满意度指标", "社会公众或服务对象满意度指标", "满意度指标"})
    void satisfactionVariantsPassUnderSatisfactionAndUnderOutcome(String level2) {
        passesEverywhere("满意度指标", level2);
        passesEverywhere("效益指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"社会公众满意度指标", "社会公众或服务对象满意度指标", "满意度指标"})
    void satisfactionVariantsFailUnderOutput(String level2) {
        failsEverywhereAtLevel2("产出指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"公众满意指标", "群众满意度指标"})
    void otherSatisfactionNamesFail(String level2) {
        failsEverywhereAtLevel2("满意度指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"效益指标(30分)", "效益指标（30分）", "效益指标 (30.5分)", "效益（20分）"})
    void scorePrintedInTheLevel1CellIsIgnored(String level1) {
        passesEverywhere(level1, "社会效益指标");
    }

    @ParameterizedTest
    @ValueSource(strings = {"效益指标(三十分)", "效益指标(30)", "效益指标(0-20)分", "效益指标（选填）"})
    void anyBracketedDecorationAtTheEndOfTheLevel1CellIsIgnored(String level1) {
        // Issue 21: 零陵区 prints 产出指标(50), 奉节县 成本指标(0-20)分: the general rule is the bracket at the end.
        passesEverywhere(level1, "社会效益指标");
    }

    @ParameterizedTest
    @ValueSource(strings = {"效益指标30分", "效益指标（30分）及其他", "效益(30)指标外"})
    void otherTextInTheLevel1CellFails(String level1) {
        assertThat(findings(validate(DEPT_V2, levels(deptV2Sample(), DEPT, level1, "社会效益指标"), 2022)))
                .containsExactly(DEPT + "/level1 indicator.level1");
        assertThat(findings(validate(PROJECT_V1, levels(projectSample(), PROJECT, level1, "社会效益指标"), 2021)))
                .contains(PROJECT + "/level1 indicator.level1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"社会效益指标(必填)", "社会效益指标（必填硬性指标）"})
    void templateNotePrintedInTheLevel2CellIsIgnored(String level2) {
        passesEverywhere("效益指标", level2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"社会效益指标必填", "社会效益必填指标"})
    void otherTextInTheLevel2CellFails(String level2) {
        failsEverywhereAtLevel2("效益指标", level2);
    }

    @Test
    void outputScoresDoNotHideTheOutputIndicator() {
        var document = deptV2Sample();
        for (int i = 0; i < 4; i++) {
            String pointer = "/annualGoals/0/indicators/" + i + "/level1";
            String level1 = document.at(pointer).asText();
            with(document, pointer, level1 + (level1.startsWith("产出") ? "(50分)" : level1.startsWith("效益") ? "（30分）" : "（20分）"));
        }
        assertThat(findings(validate(DEPT_V2, document, 2022))).isEmpty();
    }

    @Test
    void costUnderOutputIsTheEntryOfThe2015TreeOnV1() {
        assertThat(findings(validate(DEPT_V1, levels(DeptOverall.correctedSample(), DEPT, "产出指标", "成本指标"), 2020))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"dept-overall, 2", "project-expenditure, 1"})
    void costUnderOutputIsOnlyAWarningOnThe2021Tree(String key, int version) {
        FormDefinition definition = Templates.REGISTRY.find(key, version).orElseThrow();
        boolean dept = key.equals("dept-overall");
        String indicator = dept ? DEPT : PROJECT;
        ObjectNode document = levels(dept ? deptV2Sample() : projectSample(), indicator, "产出指标", "成本指标");

        var report = validate(definition, document, dept ? 2022 : 2021);

        assertThat(report.valid()).isTrue();
        // The sample's value there is a phrase, which issue 21 flags as a qualitative cost on the project template.
        assertThat(findings(report).stream().filter(f -> !f.endsWith("indicator.cost-qualitative")))
                .containsExactly(indicator + "/level2 indicator.cost-under-output");
        assertThat(RuleFixture.message(report, indicator + "/level2", "indicator.cost-under-output")).contains("成本指标", "101号", "一级指标");
    }

    @Test
    void costAsFirstLevelIsAcceptedOnV2AndRefusedOnV1() {
        assertThat(findings(validate(DEPT_V2, levels(deptV2Sample(), DEPT, "成本指标", "社会成本指标"), 2022))).isEmpty();
        assertThat(findings(validate(DEPT_V1, levels(DeptOverall.correctedSample(), DEPT, "成本指标", "社会成本指标"), 2020)))
                .containsExactly(DEPT + "/level1 indicator.level1");
    }

    @Test
    void costUnderOutcomeFails() {
        failsEverywhereAtLevel2("效益指标", "成本指标");
    }

    @Test
    void projectWithCostOnlyUnderOutputIsNotWarnedItHasNone() {
        ObjectNode document = projectSample();
        levels(document, "/indicators/0", "产出指标", "成本指标");
        levels(document, "/indicators/1", "产出指标", "成本指标");

        assertThat(findings(validate(PROJECT_V1, document, 2021))).containsExactly(
                "/indicators/0/level2 indicator.cost-under-output", "/indicators/1/level2 indicator.cost-under-output");
    }

    @Test
    void projectWithoutAnyCostIsStillWarned() {
        ObjectNode document = projectSample();
        levels(document, "/indicators/0", "产出指标", "数量指标");
        levels(document, "/indicators/1", "产出指标", "数量指标");

        assertThat(findings(validate(PROJECT_V1, document, 2021))).containsExactly("/indicators project.cost-indicator-missing");
    }

    @Test
    void projectWithSatisfactionOnlyUnderOutcomeIsNotMissingSatisfaction() {
        ObjectNode document = levels(projectSample(), PROJECT_SATISFACTION, "效益指标", "社会公众或服务对象满意度指标");

        assertThat(findings(validate(PROJECT_V1, document, 2021))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"社会成本指标", "服务对象满意度指标", "数量指标", "可持续发展影响指标", "产出指标"})
    void categoryNameAsThirdLevelIndicatorFails(String name) {
        var project = validate(PROJECT_V1, with(projectSample(), "/indicators/3/name", name), 2021);
        assertThat(findings(project)).containsExactly("/indicators/3/name indicator.name-is-category");
        assertThat(RuleFixture.message(project, "/indicators/3/name", "indicator.name-is-category"))
                .isEqualTo("“绩效指标第4项/三级指标”为“" + name + "”，这是指标分类的名称，不是三级指标：请写明衡量的具体内容（如 成本控制率、群众满意度）");
        // v1's 2015 tree has no 社会成本指标, so there it is not a category name; v2's has.
        assertThat(findings(validate(DEPT_V2, with(deptV2Sample(), DEPT + "/name", name), 2022)))
                .containsExactly(DEPT + "/name indicator.name-is-category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"社会成本", "服务对象满意度", "成本控制率", "数量指标完成率"})
    void thirdLevelThatNamesWhatIsMeasuredPasses(String name) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), "/indicators/3/name", name), 2021))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"持续性项目", "持续性", "延续项目", "新增性项目", "新增项目", "新增", "持续项目", "延续性项目(阶段开展)"})
    void projectCategoryVariantsPass(String category) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), "/header/category", category), 2021))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"常年性项目", "一次性项目", "基础建设、修缮类"})
    void otherProjectCategoriesFail(String category) {
        assertThat(findings(validate(PROJECT_V1, with(projectSample(), "/header/category", category), 2021)))
                .containsExactly("/header/category project.category");
    }
}
