package cn.perftarget.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import cn.perftarget.definition.FormDefinition;

/**
 * The 自评 scoring rules of self-evaluation v1 (data in its {@code scoring} section) against hand-worked examples.
 * Points: 预算执行率 10, 产出 50, 效益 30, 满意度 10, each category split equally among its indicators; a
 * quantitative indicator scores its completion ratio (≥: actual ÷ target, ≤: target ÷ actual, =: 1 − |deviation|),
 * capped at 1; a qualitative one 达成 1, 部分达成 0.5, 未达成 0. Item scores are rounded to 0.01 before adding up.
 */
class SelfEvaluationScoringTest {

    private static final FormDefinition SELF_EVALUATION = Templates.REGISTRY.find("self-evaluation", 1).orElseThrow();

    @Test
    void twelveMixedIndicatorsScoreAsWorkedByHand() {
        var document = document(92.5,
                // 产出: 6 indicators, 50 / 6 = 8.3333 points each
                indicator("产出指标", "数量指标", "培训人次", "≥10个", "8个", null),             // 0.8 × 8.3333 = 6.67
                indicator("产出指标", "数量指标", "栏目优化数", "≥10个", "12个", null),          // 1.2, capped at 1 → 8.33
                indicator("产出指标", "质量指标", "事件处置率", "=100%", "95%", null),           // 1 − 5/100 = 0.95 → 7.92
                indicator("产出指标", "成本指标", "运行维护费", "≤157.1万元", "160万元", null),   // 157.1/160 = 0.981875 → 8.18
                indicator("产出指标", "时效指标", "平台上线", "2020年12月底前完成", "2021年1月完成", "部分达成"), // 0.5 → 4.17
                indicator("产出指标", "时效指标", "诉求转办时限", "≤1个工作日", "0.5个工作日", null), // under the cap → 8.33
                // 效益 (not 满意度): 4 indicators, 30 / 4 = 7.5 points each
                indicator("效益指标", "社会效益指标", "安全运行保障率", "≥98%", "98.5%", null),  // → 7.50
                indicator("效益指标", "社会效益指标", "服务水平", "定性：良好", "良好", "达成"),   // 1 → 7.50
                indicator("效益指标", "经济效益指标", "节约经费", "≥500万元", "400万元", null),  // 0.8 → 6.00
                indicator("效益指标", "可持续影响指标", "长效机制", "有所提升", "未建立", "未达成"), // 0 → 0.00
                // 满意度: 2 indicators, 10 / 2 = 5 points each
                indicator("效益指标", "服务对象满意度指标", "群众满意度", "≥90%", "85%", null),    // 85/90 = 0.9444 → 4.72
                indicator("满意度指标", "服务对象满意度指标", "企业满意度", "≥95%", "96%", null));  // → 5.00

        var card = Scoring.apply(SELF_EVALUATION, document).orElseThrow();

        assertThat(card.items()).extracting(i -> i.score().toPlainString()).containsExactly(
                "6.67", "8.33", "7.92", "8.18", "4.17", "8.33", "7.50", "7.50", "6.00", "0.00", "4.72", "5.00");
        assertThat(card.items()).extracting(i -> i.category()).containsExactly("产出指标", "产出指标", "产出指标",
                "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "效益指标", "满意度指标", "满意度指标");
        // 预算执行率 92.5 % × 10 = 9.25
        assertThat(card.budgetScore()).isEqualByComparingTo("9.25");
        // 产出 43.60 + 效益 21.00 + 满意度 9.72 + 预算 9.25 = 83.57 → 良 (80 ≤ total < 90)
        assertThat(card.total()).isEqualByComparingTo("83.57");
        assertThat(card.grade()).isEqualTo("良");
        // Written into the document: every item, the budget score, total and grade.
        assertThat(document.at("/indicators/3/score").decimalValue()).isEqualByComparingTo("8.18");
        assertThat(document.at("/funds/score").decimalValue()).isEqualByComparingTo("9.25");
        assertThat(document.at("/summary/total").decimalValue()).isEqualByComparingTo("83.57");
        assertThat(document.at("/summary/grade").asText()).isEqualTo("良");
    }

    @Test
    void everyTargetMetAndNothingSpentIsExactlyNinetyAndSoExcellent() {
        // 产出 50 + 效益 30 + 满意度 10 + 预算执行率 0 = 90.00: the lower bound of 优 belongs to 优.
        var card = Scoring.score(SELF_EVALUATION, document(0,
                indicator("产出指标", "数量指标", "培训人次", "≥10个", "10个", null),
                indicator("效益指标", "社会效益指标", "服务水平", "定性：良好", "良好", "达成"),
                indicator("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", null))).orElseThrow();
        assertThat(card.total()).isEqualByComparingTo("90.00");
        assertThat(card.grade()).isEqualTo("优");
    }

    @Test
    void gradesFollowTheThresholdsWithEachLowerBoundInItsGrade() {
        // 产出 (one indicator, ≥100个) 50 × actual/100 + 效益 30 + 满意度 10 + 预算执行率 rate/10
        assertThat(graded("80个", 100)).isEqualTo("90.00 优");    // 40 + 30 + 10 + 10
        assertThat(graded("80个", 99.9)).isEqualTo("89.99 良");   // 40 + 30 + 10 + 9.99
        assertThat(graded("60个", 100)).isEqualTo("80.00 良");    // 30 + 30 + 10 + 10
        assertThat(graded("60个", 99.9)).isEqualTo("79.99 中");   // 30 + 30 + 10 + 9.99
        assertThat(graded("40个", 0)).isEqualTo("60.00 中");      // 20 + 30 + 10 + 0
        assertThat(graded("39.98个", 0)).isEqualTo("59.99 差");   // 19.99 + 30 + 10 + 0
    }

    @Test
    void aMissingOrUnreadableActualScoresNothing() {
        var card = Scoring.score(SELF_EVALUATION, document(50,
                indicator("产出指标", "数量指标", "培训人次", "≥10个", null, null),
                indicator("产出指标", "数量指标", "培训场次", "≥10个", "10人", null),          // other unit
                indicator("产出指标", "质量指标", "验收合格", "定性：合格", "合格", null))).orElseThrow(); // no rating
        assertThat(card.items()).extracting(i -> i.score().toPlainString()).containsExactly("0.00", "0.00", "0.00");
        assertThat(card.total()).isEqualByComparingTo("5.00");
        assertThat(card.grade()).isEqualTo("差");
    }

    @Test
    void pointsCapAndGradesAreData() {
        ObjectNode source = SELF_EVALUATION.source().deepCopy();
        ((ObjectNode) source.at("/scoring/categories/1")).put("points", 40);  // 产出 40 instead of 50
        ((ObjectNode) source.at("/scoring")).put("cap", 1.2);                  // up to 120 % completion counts
        ((ObjectNode) source.at("/scoring/grades/0")).put("min", 95);          // 优 from 95
        var changed = new FormDefinition(SELF_EVALUATION.key(), SELF_EVALUATION.version(), SELF_EVALUATION.title(), source);
        var document = document(100,
                indicator("产出指标", "数量指标", "培训人次", "≥10个", "12个", null),   // 1.2 × 20 = 24.00
                indicator("产出指标", "数量指标", "场次", "≥10个", "13个", null),       // 1.3 capped at 1.2 → 24.00
                indicator("效益指标", "社会效益指标", "保障率", "≥98%", "98%", null),   // 30.00
                indicator("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", null)); // 10.00
        var card = Scoring.score(changed, document).orElseThrow();
        // 24 + 24 + 30 + 10 + 10 = 98 → 优 under both thresholds; 91.6 would be 优 by the packaged one only
        assertThat(card.items()).extracting(i -> i.score().toPlainString()).containsExactly("24.00", "24.00", "30.00", "10.00");
        assertThat(card.total()).isEqualByComparingTo("98.00");
        assertThat(card.grade()).isEqualTo("优");
        var lower = document(100,
                indicator("产出指标", "数量指标", "培训人次", "≥10个", "10个", null),   // 20.00
                indicator("产出指标", "数量指标", "场次", "≥10个", "8个", null),        // 0.8 × 20 = 16.00
                indicator("效益指标", "社会效益指标", "保障率", "≥98%", "98%", null),   // 30.00
                indicator("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", null)); // 10.00
        // 20 + 16 + 30 + 10 + 10 = 86 → 良 under 优 ≥ 95 (and under the packaged ≥ 90 as well)
        assertThat(Scoring.score(changed, lower).orElseThrow().grade()).isEqualTo("良");
        assertThat(Scoring.score(changed, lower).orElseThrow().total()).isEqualByComparingTo("86.00");
    }

    @Test
    void aDeviationBeyondTenPercentNeedsAReasonAndAMeasure() {
        var document = document(92.5,
                indicator("产出指标", "数量指标", "培训人次", "≥10个", "8个", null),      // 20 % off: reason needed
                indicator("产出指标", "数量指标", "栏目优化数", "≥10个", "9.5个", null),  // 5 % off: none
                indicator("效益指标", "社会效益指标", "服务水平", "定性：良好", "一般", "部分达成"), // 部分达成: reason needed
                indicator("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", null));
        document.with("funds").put("budget", 100).put("executed", 92.5);
        var report = Templates.validate(SELF_EVALUATION, document, 2020);
        assertThat(Templates.findings(report)).contains("/indicators/0/deviationReason selfeval.actual-deviation",
                "/indicators/2/deviationReason selfeval.rating-reason");
        assertThat(Templates.findings(report)).noneMatch(f -> f.startsWith("/indicators/1/"));
        assertThat(report.errors()).filteredOn(f -> f.rule().equals("selfeval.actual-deviation"))
                .first().satisfies(f -> assertThat(f.message()).contains("8个", "≥10个", "20%"));

        ((ObjectNode) document.at("/indicators/0")).put("deviationReason", "经费保障");
        var withoutMeasure = Templates.validate(SELF_EVALUATION, document, 2020);
        assertThat(Templates.findings(withoutMeasure)).contains("/indicators/0/improvement selfeval.measure-needed")
                .doesNotContain("/indicators/0/deviationReason selfeval.actual-deviation");
    }

    private static String graded(String actual, double rate) {
        var card = Scoring.score(SELF_EVALUATION, document(rate,
                indicator("产出指标", "数量指标", "培训人次", "≥100个", actual, null),
                indicator("效益指标", "社会效益指标", "保障率", "≥98%", "99%", null),
                indicator("满意度指标", "服务对象满意度指标", "满意度", "≥95%", "95%", null))).orElseThrow();
        return card.total().toPlainString() + " " + card.grade();
    }

    private static ObjectNode document(double executionRate, ObjectNode... indicators) {
        var document = JsonNodeFactory.instance.objectNode();
        document.putObject("header").put("department", "武汉市黄陂区大数据中心").put("year", 2020).put("basedOn", 1)
                .put("filler", "张三");
        document.putObject("funds").put("executionRate", executionRate);
        ArrayNode list = document.putArray("indicators");
        for (var indicator : indicators) {
            list.add(indicator);
        }
        return document;
    }

    private static ObjectNode indicator(String level1, String level2, String name, String target, String actual,
                                        String rating) {
        var node = JsonNodeFactory.instance.objectNode().put("level1", level1).put("level2", level2)
                .put("name", name).put("target", target);
        if (actual != null) {
            node.put("actual", actual);
        }
        if (rating != null) {
            node.put("rating", rating);
        }
        return node;
    }
}
