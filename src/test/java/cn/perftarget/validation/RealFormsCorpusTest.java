package cn.perftarget.validation;

import static cn.perftarget.validation.RealForms.defect;
import static cn.perftarget.validation.RealForms.fragment;
import static cn.perftarget.validation.RealForms.warning;
import static cn.perftarget.validation.Templates.DEPT_V1;
import static cn.perftarget.validation.Templates.DEPT_V2;
import static cn.perftarget.validation.Templates.PROJECT_V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.perftarget.validation.RealForms.Expected;
import cn.perftarget.validation.RealForms.Sample;
import cn.perftarget.validation.RealForms.Why;

/**
 * Thirteen real published forms and fragments (forms/samples/real, sources in its README), each validated with the
 * template version its budget year picks and its department in the context; the report is asserted in full, each
 * finding marked as a genuine defect, a warning, or a whole-table check that a fragment cannot pass because the
 * rest of its table was not printed in the source.
 */
class RealFormsCorpusTest {

    static List<Sample> samples() {
        return List.of(
                new Sample("dept-overall-2023-yueyanglou-price.json", DEPT_V2, 2023, "岳阳楼区价格认证鉴定中心", List.of(
                        defect("/annualGoals/0/indicators/4/name structure.required"),   // 经济效益指标 row left empty
                        defect("/annualGoals/0/indicators/4/value structure.required"),
                        defect("/annualGoals/0/indicators/3/name indicator.name-is-category"), // 社会成本指标 as 三级指标
                        defect("/annualGoals/0/indicators/0/value indicator.value-format"),    // 28.8万元%
                        defect("/annualGoals/0/indicators/5/value indicator.value-format"),    // 应保尽保%
                        warning("/annualGoals/0/indicators/3/level2 indicator.cost-under-output"))),
                new Sample("dept-overall-2021-guangshui-office.json", DEPT_V1, 2021, "广水市人民政府办公室", List.of(
                        warning("/funds/income/fiscal/share funds.share-blank"))),            // 财政拨款's 占比 not printed
                new Sample("project-2022-ezhou-office-building.json", PROJECT_V1, 2022, null, List.of(
                        defect("/indicators/3/value indicator.percent-range"),                  // 292%
                        fragment("/indicators project.outcome-indicator-missing"),
                        fragment("/indicators project.satisfaction-indicator-missing"),
                        warning("/indicators project.cost-indicator-missing"))),
                new Sample("project-2023-jingyan-mata-village-cadres.json", PROJECT_V1, 2023, "820-马踏镇部门", List.of(
                        warning("/indicators project.cost-indicator-missing"))),
                new Sample("project-2023-jingyan-mata-grassroots.json", PROJECT_V1, 2023, "820-马踏镇部门", List.of(
                        warning("/indicators project.cost-indicator-missing"))),
                new Sample("project-2023-xiangtan-fog-cannon.json", PROJECT_V1, 2023, "湘潭市环境卫生管理处", List.of(
                        defect("/indicators/5/name structure.required"),                        // three empty 效益 rows
                        defect("/indicators/5/value structure.required"),
                        defect("/indicators/7/name structure.required"),
                        defect("/indicators/7/value structure.required"),
                        defect("/indicators/8/name structure.required"),
                        defect("/indicators/8/value structure.required"),
                        warning("/indicators/4/level2 indicator.cost-under-output"))),
                new Sample("project-2021-ningxiang-batang-infrastructure.json", PROJECT_V1, 2021, "坝塘镇", List.of()),
                new Sample("project-2022-yueyang-county-farmland.json", PROJECT_V1, 2022, "岳阳县农业农村局", List.of(
                        defect("/goals/longTerm structure.required"),                             // 总体目标 printed empty
                        warning("/indicators/4/level2 indicator.cost-under-output"))),
                new Sample("project-2022-yuanzhou-tea.json", PROJECT_V1, 2022, "原州区宗教事务局", List.of(
                        fragment("/indicators project.satisfaction-indicator-missing"),
                        warning("/indicators/2/level2 indicator.cost-under-output"))),
                new Sample("project-2021-bingtuan-6th-regiment-cold-store.json", PROJECT_V1, 2021, "农业农村局", List.of(
                        defect("/header/category project.category"),                              // a fund type, not 新增/延续
                        fragment("/indicators project.outcome-indicator-missing"),
                        fragment("/indicators project.satisfaction-indicator-missing"),
                        warning("/indicators project.cost-indicator-missing"))),
                new Sample("project-2022-zhongxian-pig-counties.json", PROJECT_V1, 2022, "忠县农业农村委员会", List.of(
                        fragment("/indicators project.outcome-indicator-missing"),
                        fragment("/indicators project.satisfaction-indicator-missing"),
                        warning("/indicators project.cost-indicator-missing"))),
                new Sample("project-2021-wuhai-recycling.json", PROJECT_V1, 2021, "(433)乌海市供销合作社联合社(部门)", List.of(
                        defect("/indicators/3/value indicator.date-serial"),                     // =44,561 is 2021-12-31
                        defect("/indicators/5/value indicator.date-serial"),
                        fragment("/indicators project.outcome-indicator-missing"),
                        fragment("/indicators project.satisfaction-indicator-missing"),
                        warning("/indicators/6/level2 indicator.cost-under-output"),
                        warning("/indicators/7/level2 indicator.cost-under-output"),
                        warning("/indicators/8/level2 indicator.cost-under-output"),
                        warning("/indicators/9/level2 indicator.cost-under-output"),
                        warning("/indicators/10/level2 indicator.cost-under-output"))),
                new Sample("project-2020-hengshan-grain-reserve.json", PROJECT_V1, 2020, "衡山县商务和粮食局", List.of(
                        defect("/indicators/15/value indicator.percent-range"),                  // 290%
                        warning("/indicators/7/level2 indicator.cost-under-output"),
                        warning("/indicators/8/level2 indicator.cost-under-output"))));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void reportIsExactlyTheExpectedOne(Sample sample) {
        assertThat(sample.judged()).as(sample.file())
                .containsExactlyElementsOf(sample.expected().stream().map(Expected::line).toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void onlyWarningsAreWarningsAndTheFormIsValidWhenItHasNoDefect(Sample sample) {
        var report = sample.report();
        var warnings = sample.expected().stream().filter(e -> e.why() == Why.WARNING).map(Expected::line).toList();
        boolean blocking = sample.expected().stream().anyMatch(e -> e.why() != Why.WARNING);

        assertThat(Templates.warnings(report)).as(sample.file()).containsExactlyElementsOf(warnings);
        assertThat(RealForms.Sample.judged(sample.document(), report).size() > warnings.size()).isEqualTo(blocking);
    }

    @Test
    void corpusFiguresNoFalseErrorAndNoMiss() {
        int cells = 0;
        int defects = 0;
        int falseErrors = 0;
        int misses = 0;
        for (Sample sample : samples()) {
            cells += RealForms.cells(sample.document());
            var errors = sample.report().errors().stream()
                    .filter(f -> !(f.rule().equals("structure.required") && sample.document().at(f.path()).isMissingNode()))
                    .map(f -> f.path() + " " + f.rule()).toList();
            var expectedErrors = sample.expected().stream().filter(e -> e.why() != Why.WARNING).map(Expected::line).toList();
            var genuine = sample.expected().stream().filter(e -> e.why() == Why.DEFECT).map(Expected::line).toList();
            defects += genuine.size();
            falseErrors += (int) errors.stream().filter(line -> !expectedErrors.contains(line)).count();
            misses += (int) genuine.stream().filter(line -> !errors.contains(line)).count();
        }
        System.out.printf("Real forms corpus: %d samples, %d cells judged, %d genuine defects, %d false errors, %d misses%n",
                samples().size(), cells, defects, falseErrors, misses);

        assertThat(Stream.of(cells, defects)).containsExactly(438, 17);
        assertThat(falseErrors).isZero();
        assertThat(misses).isZero();
    }
}
