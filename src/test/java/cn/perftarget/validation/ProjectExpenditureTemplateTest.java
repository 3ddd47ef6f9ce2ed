package cn.perftarget.validation;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The 项目支出绩效目标申报表 (2021 indicator framework) runs on the engine from its definition file alone: every
 * rule of {@code forms/project-expenditure-v1.json} is shown to fire on a one-change variant of the sample, at the
 * expected place and with nothing else reported.
 */
class ProjectExpenditureTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FormDefinitions REGISTRY =
            new FormDefinitions(new FormsProperties(null), List.of(new RuleSets()));
    private static final FormDefinition DEFINITION = REGISTRY.find("project-expenditure", 1).orElseThrow();
    private static final int YEAR = 2021;

    private final DocumentValidator validator = new DocumentValidator(new RuleSets());

    private static ObjectNode sample() {
        try (InputStream in = ProjectExpenditureTemplateTest.class
                .getResourceAsStream("/forms/samples/project-expenditure-2021-sample.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with the value at {@code pointer} replaced (a String becomes text, a Number a number, null null). */
    private static ObjectNode sampleWith(String pointer, Object value) {
        ObjectNode document = sample();
        set(document, pointer, value);
        return document;
    }

    private static void set(ObjectNode document, String pointer, Object value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = document.at(at.head());
        JsonNode node = JSON.valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), node);
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), node);
        }
    }

    /** The sample's indicator table keeping only the rows whose 一级指标 does not start with {@code level1}. */
    private static ObjectNode sampleWithout(String level1) {
        ObjectNode document = sample();
        ArrayNode indicators = (ArrayNode) document.get("indicators");
        for (int i = indicators.size() - 1; i >= 0; i--) {
            if (indicators.get(i).get("level1").asText().startsWith(level1)) {
                indicators.remove(i);
            }
        }
        return document;
    }

    private ValidationReport validate(JsonNode document) {
        return validator.validate(DEFINITION, document, new ValidationContext(YEAR));
    }

    @Test
    void definitionLoadsFromTheClassPathNextToDeptOverallWithItsRulesCompiled() {
        assertThat(REGISTRY.find("dept-overall", 1)).isPresent();
        assertThat(DEFINITION.title()).isEqualTo("项目支出绩效目标申报表");
        assertThat(REGISTRY.latestVersions()).extracting(FormDefinition::key)
                .contains("dept-overall", "project-expenditure");
        // Two FEEL rules at least, so that the template really exercises the expression language.
        assertThat(DEFINITION.source().path("rules").findValuesAsText("kind"))
                .filteredOn("feel"::equals).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void sampleIsValidFor2021WithoutWarnings() {
        ValidationReport report = validate(sample());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void initialDocumentCarriesDepartmentAndYearAndReportsTheRestAsMissing() {
        ObjectNode initial = DEFINITION.initialDocument("黄陂区大数据中心", YEAR);

        assertThat(initial.at("/header/department").asText()).isEqualTo("黄陂区大数据中心");
        assertThat(initial.at("/header/year").isInt()).isTrue();
        assertThat(initial.at("/header/year").intValue()).isEqualTo(YEAR);
        assertThat(validate(initial).errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                tuple("/header/projectName", "structure.required"),
                tuple("/header/implementer", "structure.required"),
                tuple("/header/category", "structure.required"),
                tuple("/header/period", "structure.required"),
                tuple("/header/filler", "structure.required"),
                tuple("/header/phone", "structure.required"),
                tuple("/funds", "structure.required"),
                tuple("/goals", "structure.required"),
                tuple("/indicators", "structure.required"));
    }

    @Test
    void yearOtherThanTheDeclarationsYearIsAnError() {
        ValidationReport report = validator.validate(DEFINITION, sample(), new ValidationContext(2022));

        assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/header/year", "header.year-mismatch", "“年度”为2021，与申报年度2022不一致"));
    }

    @Nested
    class Structure {

        @Test
        void fieldsOfTheOlderTemplateAreUnknownHere() {
            ObjectNode document = sample();
            ((ObjectNode) document.at("/indicators/0")).put("expected", "170万元");

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators/0/expected", "structure.unknown-field"));
        }

        @Test
        void totalIsRequiredWhileItsPartsMayBeBlank() {
            ObjectNode document = sampleWith("/funds/total", null);
            set(document, "/funds/other", null);

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/funds/total", "structure.required"));
        }

        @Test
        void amountsHaveAtMostSixDecimalsAndAreNotNegative() {
            ObjectNode document = sampleWith("/funds/other", -15.5);
            set(document, "/funds/fiscal", 188.1000001);

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                    tuple("/funds/other", "structure.range"),
                    tuple("/funds/fiscal", "structure.scale"));
        }

        @Test
        void standardAndNoteAreOptional() {
            ObjectNode document = sample();
            ((ObjectNode) document.at("/indicators/0")).remove(List.of("standard", "note"));
            set(document, "/indicators/1/standard", null);

            assertThat(validate(document).errors()).isEmpty();
        }
    }

    @Nested
    class Header {

        @ParameterizedTest
        @ValueSource(strings = {"13907181234", "85916419", "6296906", "027-85916419", "（027）85916419"})
        void phoneAcceptsMobilesAndLandlinesWithOrWithoutAreaCode(String phone) {
            assertThat(validate(sampleWith("/header/phone", phone)).errors()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345", "027-8591", "1390718123", "85916419转8001"})
        void phoneFormat(String phone) {
            assertThat(validate(sampleWith("/header/phone", phone)).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/header/phone", "header.phone-format"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"新增项目", "新增", "延续项目", "延续"})
        void categoryIsNewOrContinuingWithTheSuffixOptional(String category) {
            assertThat(validate(sampleWith("/header/category", category)).errors()).isEmpty();
        }

        @Test
        void categoryOutsideTheDictionary() {
            ValidationReport report = validate(sampleWith("/header/category", "一次性项目"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/header/category", "project.category", "“项目属性”为“一次性项目”，应为新增项目、延续项目之一"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2021年", "2021", "2021年—2023年", "2021年——2023年", "2020-2021", "2019年至2021年", "2021～2025年",
                // Since issue 10, as real forms print them (湘潭, 坝塘镇, 兵团六团 in forms/samples/real): 2021年度 was refused before.
                "2021.07-2021.12", "2021年7月—2022年6月", "2021年度", "1年", "3年"})
        void periodAcceptsStartAndEndYearsOrOneYear(String period) {
            assertThat(validate(sampleWith("/header/period", period)).errors()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"三年", "3", "0年", "21年—23年", "2021年—2023年（三年）", "2021.13-2022.01"})
        void periodFormatIsReportedAloneWhenThePeriodCannotBeRead(String period) {
            assertThat(validate(sampleWith("/header/period", period)).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/header/period", "project.period-format"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022年—2024年", "2018年—2020年", "2023年—2021年", "2022年"})
        void periodMustRunForwardsAndContainTheDeclarationsYear(String period) {
            ValidationReport report = validate(sampleWith("/header/period", period));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/header/period", "project.period-year",
                            "“项目期”为“" + period + "”，应从起年到止年（起年不晚于止年）并包含申报年度2021年"));
        }
    }

    @Nested
    class Funds {

        @Test
        void totalIsTheSumOfFiscalAndOther() {
            ValidationReport report = validate(sampleWith("/funds/other", 20));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/funds/total", "project.funds-total",
                            "“年度资金总额（万元）”为172.6万元，不等于财政拨款与其他资金之和177.1万元"));
        }

        @Test
        void blankPartsReadAsZero() {
            ObjectNode document = sampleWith("/funds/other", null);
            set(document, "/funds/fiscal", 172.6);
            assertThat(validate(document).errors()).isEmpty();

            ((ObjectNode) document.get("funds")).remove("fiscal");
            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/funds/total", "project.funds-total"));
        }

        @Test
        void differencesWithinTheToleranceAreAccepted() {
            assertThat(validate(sampleWith("/funds/total", 172.600001)).errors()).isEmpty();
            assertThat(validate(sampleWith("/funds/total", 172.600002)).errors())
                    .extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/funds/total", "project.funds-total"));
        }
    }

    @Nested
    class IndicatorDictionary {

        @Test
        void level1OutsideThe2021Framework() {
            ValidationReport report = validate(sampleWith("/indicators/2/level1", "投入指标"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/2/level1", "indicator.level1",
                            "“绩效指标第3项/一级指标”为“投入指标”，不是本表的一级指标（可选：成本指标、产出指标、效益指标、满意度指标）"));
        }

        @Test
        void costIsNoLongerASecondLevelOfOutput() {
            // The 2020 dept-overall dictionary had 产出 → 成本; the 2021 framework makes 成本 a first level of its own.
            // Since issue 10 the older placement 产出 → 成本指标 is accepted with a warning (IndicatorTreeVariantsTest),
            // so it is in the allowed list; 101号's 经济成本指标 under 产出 is still wrong.
            ObjectNode document = sampleWith("/indicators/0/level1", "产出指标");

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule, Finding::message)
                    .containsExactly(tuple("/indicators/0/level2", "indicator.level2",
                            "“绩效指标第1项/二级指标”为“经济成本指标”，不是一级指标“产出指标”下的二级指标（可选：数量指标、质量指标、时效指标、成本指标）"));
        }

        @Test
        void satisfactionUnderOutcomeAsInThe2015FrameworkIsAccepted() {
            // Refused until issue 10; real 2023 forms (湘潭, forms/samples/real) still use 88号's placement.
            ValidationReport report = validate(sampleWith("/indicators/8/level2", "服务对象满意度指标"));

            assertThat(report.errors()).isEmpty();
        }

        @Test
        void suffixIsOptionalAndEveryLevel2OfTheFrameworkIsAccepted() {
            ObjectNode document = sample();
            set(document, "/indicators/0/level1", "成本");
            set(document, "/indicators/0/level2", "社会成本");
            set(document, "/indicators/1/level2", "生态环境成本");
            set(document, "/indicators/8/level1", "效益");
            set(document, "/indicators/8/level2", "生态效益");
            set(document, "/indicators/10/level2", "可持续影响");
            set(document, "/indicators/11/level1", "满意度");
            set(document, "/indicators/11/level2", "服务对象满意度");

            assertThat(validate(document).errors()).isEmpty();
        }

        @Test
        void standardOutsideTheDictionary() {
            ValidationReport report = validate(sampleWith("/indicators/4/standard", "国家标准"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/4/standard", "indicator.standard",
                            "“绩效指标第5项/绩效标准”为“国家标准”，应为计划标准、行业标准、历史标准、其他标准之一"));
        }
    }

    @Nested
    class IndicatorValues {

        @Test
        void valueThatIsNeitherAMeasureNorAGrade() {
            // Was “大约两百多台”: a plain phrase, a qualitative value since issue 10.
            ValidationReport report = validate(sampleWith("/indicators/2/value", "≥两百台"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators/2/value", "indicator.value-format"));
        }

        @Test
        void percentOutsideZeroToHundred() {
            ValidationReport report = validate(sampleWith("/indicators/4/value", "≥199.9%"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/4/value", "indicator.percent-range", "“绩效指标第5项/指标值”为“≥199.9%”，百分比应在0%到100%之间"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"≥172.6万元", ">=172.6万元", "＞172.6万元", "不低于172.6万元", "至少172.6万元", "172.6万元以上"})
        void costTargetWrittenAsALowerBound(String value) {
            ValidationReport report = validate(sampleWith("/indicators/0/value", value));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/0/value", "project.cost-direction", "“绩效指标第1项/指标值”为“" + value
                            + "”：成本指标越低越好，指标值应写作上限（如 ≤172.6万元、30万元以内），不能写作下限"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"≤172.6万元", "172.6万元", "不超过172.6万元", "不高于172.6万元", "172.6万元以内", "=172.6万元", "定性：控制在预算内"})
        void costTargetAsAnUpperBoundOrWithoutOperatorIsAccepted(String value) {
            assertThat(validate(sampleWith("/indicators/0/value", value)).errors()).isEmpty();
        }

        @Test
        void costDirectionAlsoAppliesWhereOnlyTheSecondLevelSaysCost() {
            // A wrong 一级指标 must not hide the direction of a cost target.
            ObjectNode document = sampleWith("/indicators/1/level1", "投入指标");
            set(document, "/indicators/1/value", "≥1.5");

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                    tuple("/indicators/1/level1", "indicator.level1"),
                    tuple("/indicators/1/value", "project.cost-direction"));
        }

        @Test
        void lowerBoundsAreFineOutsideCostIndicators() {
            assertThat(validate(sampleWith("/indicators/3/value", "85个以上")).errors()).isEmpty();
        }

        @Test
        void satisfactionTargetUnder90PercentIsAWarning() {
            ValidationReport report = validate(sampleWith("/indicators/11/value", "≥85%"));

            assertThat(report.errors()).isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.warnings()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/11/value", "indicator.satisfaction-low", "“绩效指标第12项/指标值”为“≥85%”，满意度指标值一般不低于90%"));
        }
    }

    @Nested
    class Completeness {

        @Test
        void atLeastOneOutputIndicator() {
            assertThat(validate(sampleWithout("产出")).errors()).extracting(Finding::path, Finding::rule, Finding::message)
                    .containsExactly(tuple("/indicators", "project.output-indicator-missing",
                            "“绩效指标”至少需要一个产出指标（数量、质量或时效指标）"));
        }

        @Test
        void atLeastOneOutcomeIndicator() {
            assertThat(validate(sampleWithout("效益")).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators", "project.outcome-indicator-missing"));
        }

        @Test
        void atLeastOneSatisfactionIndicator() {
            assertThat(validate(sampleWithout("满意度")).errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators", "project.satisfaction-indicator-missing"));
        }

        @Test
        void missingCostIndicatorsAreAWarningOnly() {
            ValidationReport report = validate(sampleWithout("成本"));

            assertThat(report.valid()).isTrue();
            assertThat(report.errors()).isEmpty();
            assertThat(report.warnings()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators", "project.cost-indicator-missing"));
        }

        @Test
        void anEmptyTableIsReportedOnceAsRequired() {
            ObjectNode document = sample();
            document.putArray("indicators");

            ValidationReport report = validate(document);

            assertThat(report.errors()).extracting(Finding::path, Finding::rule)
                    .containsExactly(tuple("/indicators", "structure.required"));
            assertThat(report.warnings()).isEmpty();
        }

        @Test
        void rowsWithoutLevel1DoNotHideAMissingCategory() {
            ObjectNode document = sampleWithout("满意度");
            ((ObjectNode) document.at("/indicators/2")).putNull("level1");

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                    tuple("/indicators/2/level1", "structure.required"),
                    tuple("/indicators", "project.satisfaction-indicator-missing"));
        }

        @Test
        void level3NamesAreUniqueAcrossTheTable() {
            ValidationReport report = validate(sampleWith("/indicators/7/name", "故障响应时间"));

            assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message).containsExactly(
                    tuple("/indicators/7/name", "project.indicator-name-duplicate",
                            "“绩效指标第8项/三级指标”为“故障响应时间”，与“绩效指标第7项/三级指标”重复：同一张表内三级指标名称不能重复"));
        }

        @Test
        void placeholdersLeftFromTheBlankTemplate() {
            ObjectNode document = sampleWith("/goals/annual", "……");
            set(document, "/indicators/9/name", "三级指标");
            set(document, "/indicators/0/note", "... ...");
            set(document, "/header/implementer", "实施单位");

            assertThat(validate(document).errors()).extracting(Finding::path, Finding::rule).containsExactlyInAnyOrder(
                    tuple("/goals/annual", "text.placeholder"),
                    tuple("/indicators/9/name", "text.placeholder"),
                    tuple("/indicators/0/note", "text.placeholder"),
                    tuple("/header/implementer", "text.placeholder"));
        }
    }
}
