package cn.perftarget.validation;

import static cn.perftarget.validation.Transplant.DEPT_INDICATOR;
import static cn.perftarget.validation.Transplant.PROJECT_INDICATOR;
import static cn.perftarget.validation.Transplant.deptIndicator;
import static cn.perftarget.validation.Transplant.projectIndicator;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21, the warnings about what an indicator means, each with real cells from the corpus that pass and real
 * defects that are found. Where the corpus has no real defect of a kind (a negative indicator with ≥, a 满意度 below
 * the floor, an output of 0), the failing case is written from the issue's own examples and says so.
 */
class SemanticKindsTest {

    private static final String VALUE = PROJECT_INDICATOR + "/value ";

    @Test
    void aQualitativeValueForAPlainQuantityIsAWarning() {
        // 零陵: 提高就业率 = 显著 (a rate, given as a grade).
        assertThat(deptIndicator("dept-overall-2021-lingling-forestry.json", "/annualGoals/0/indicators/9"))
                .contains(DEPT_INDICATOR + "/value indicator.quantity-qualitative");
    }

    @ParameterizedTest
    @CsvSource({
            "project-2020-qingshan-weak-schools.json, /indicators/6",          // 义务教育优质均衡发展情况 = 稳步提高
            "project-2020-hengshan-grain-reserve.json, /indicators/13",        // 粮食储备设备维护及安全性 = 高
            "project-2023-xiangtan-fog-cannon.json, /indicators/2"})           // 服务周期内空气质量 = 优良
    void aQualitativeValueForAQualityIsNone(String file, String indicator) {
        assertThat(projectIndicator(file, indicator)).doesNotContain(VALUE + "indicator.quantity-qualitative");
    }

    @Test
    void aNegativeIndicatorWithALowerBoundIsAWarning() {
        // Written from the examples (no corpus form has one): 逾期率 ≥ and 投诉率 > reverse the direction.
        for (String value : List.of("≥2%", ">1%")) {
            var document = Templates.with(Templates.with(Templates.projectSample(), PROJECT_INDICATOR + "/name", "贷款逾期率"),
                    PROJECT_INDICATOR + "/value", value);
            assertThat(Templates.findings(Templates.validate(Templates.PROJECT_V1, document, 2021)))
                    .contains(VALUE + "indicator.negative-direction");
        }
        // 衡山: 县级储备粮库存粮食明显变质比例 = 0 has no lower bound.
        assertThat(projectIndicator("project-2020-hengshan-grain-reserve.json", "/indicators/4"))
                .doesNotContain(VALUE + "indicator.negative-direction");
    }

    @ParameterizedTest
    @CsvSource({
            "project-2023-jingyan-mata-village-cadres.json, /indicators/4",   // 村组干部230人 ≥230个
            "project-2021-wuhai-recycling.json, /indicators/1"})              // 出差人次 =24人/次
    void aUnitThatContradictsTheNameIsAWarning(String file, String indicator) {
        assertThat(projectIndicator(file, indicator)).contains(VALUE + "indicator.unit-name");
    }

    @ParameterizedTest
    @CsvSource({
            "project-2023-tongxin-xiamaguan-grape.json, /indicators/6",        // 人口数(≥**户) ≥10户
            "project-2023-jiayuguan-museum-free-opening.json, /indicators/5",  // 接待观众人数 =30000人次
            "project-2022-yueyang-county-farmland.json, /indicators/8",        // 灌溉达标面积 ≥500亩
            "project-2019-suixi-temporary-relief.json, /indicators/7"})        // 标准(<**元/户·年) <=5300元/户
    void aUnitThatAgreesWithTheNameIsNone(String file, String indicator) {
        assertThat(projectIndicator(file, indicator)).doesNotContain(VALUE + "indicator.unit-name");
    }

    @ParameterizedTest
    @CsvSource({
            "project-2020-qingshan-education-infrastructure.json, /indicators/2", // 参照政府采购成本控制
            "project-2023-jiayuguan-museum-free-opening.json, /indicators/3",     // 长远
            "project-2023-jiayuguan-museum-free-opening.json, /indicators/4",     // 提升
            "project-2024-xiangtan-fog-cannon.json, /indicators/4"})              // 控制在预算内
    void aQualitativeCostIsAWarning(String file, String indicator) {
        assertThat(projectIndicator(file, indicator)).contains(VALUE + "indicator.cost-qualitative");
    }

    @ParameterizedTest
    @CsvSource({
            "project-2023-fengjie-yunwu-processing-park.json, /indicators/0",  // ≤65万元
            "project-2022-yueyang-county-farmland.json, /indicators/4"})       // 1600元/亩
    void aQuantifiedCostIsNone(String file, String indicator) {
        assertThat(projectIndicator(file, indicator)).doesNotContain(VALUE + "indicator.cost-qualitative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"80%", "≥84%"})
    void satisfactionBelowTheFloorIsAWarning(String value) {
        // No corpus form sets one (the lowest is 湘潭's ≥85% 满意程度, which names no 满意度): written from the issue.
        var document = Templates.with(Templates.projectSample(), "/indicators/11/value", value);
        assertThat(Templates.findings(Templates.validate(Templates.PROJECT_V1, document, 2021)))
                .contains("/indicators/11/value indicator.satisfaction-low");
        assertThat(projectIndicator("project-2022-yueyang-county-farmland.json", "/indicators/11"))   // ≥95%
                .doesNotContain(VALUE + "indicator.satisfaction-low");
    }

    @Test
    void anOutputQuantityOfZeroIsAWarning() {
        // Written from the issue (no corpus 数量指标 is 0); 岳阳县's ≥20座 is the passing real one.
        var document = Templates.with(Templates.projectSample(), "/indicators/2/value", "0台");
        assertThat(Templates.findings(Templates.validate(Templates.PROJECT_V1, document, 2021)))
                .contains("/indicators/2/value indicator.output-zero");
        assertThat(projectIndicator("project-2022-yueyang-county-farmland.json", "/indicators/1"))
                .doesNotContain(VALUE + "indicator.output-zero");
    }

    @Test
    void everyRuleSaysWhatItRestsOnAndEveryWarningWhyItMatters() {
        for (var definition : List.of(Templates.DEPT_V1, Templates.DEPT_V2, Templates.PROJECT_V1)) {
            for (JsonNode rule : definition.source().path("rules")) {
                String id = definition.key() + " " + rule.path("id").asText();
                assertThat(rule.path("basis").asText()).as(id).isNotBlank();
                if (rule.path("severity").asText("error").equals("warning")) {
                    assertThat(rule.path("why").asText()).as(id).isNotBlank();
                }
            }
        }
        var report = Templates.validate(Templates.DEPT_V2, Templates.with(Templates.deptV2Sample(), DEPT_INDICATOR + "/value", "很高"), 2022);
        var finding = report.warnings().stream().filter(f -> f.rule().equals("indicator.quantity-qualitative")).findFirst().orElseThrow();
        assertThat(finding.basis()).contains("101号");
        assertThat(finding.why()).contains("自评");
        assertThat(finding.message()).contains("很高", "网络安全事件处置率", "名称以“率”结尾");
    }
}
