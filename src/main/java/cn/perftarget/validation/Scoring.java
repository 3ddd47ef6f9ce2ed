package cn.perftarget.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.validation.values.Measure;

/**
 * The generic 自评 scoring engine: reads the definition's {@code scoring} section and scores a document. Each
 * indicator falls into the first category it matches and gets an equal share of that category's points, times
 * its completion: a quantitative target by the ratio of actual to target (≤ targets the other way round, = by the
 * distance), capped; a qualitative one by the factor of its rating (达成 1, 部分达成 0.5, 未达成 0). Missing or
 * unreadable values score 0, so a total is never higher than the figures support.
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One indicator's points and score. */
    public record ItemScore(String pointer, String category, BigDecimal points, BigDecimal score) {
    }

    /** The scores of a document: items, 预算执行率 (null without), total and grade. */
    public record ScoreCard(List<ItemScore> items, BigDecimal budgetScore, BigDecimal total, String grade) {
    }

    private Scoring() {
    }

    /** Whether the template scores its documents at all. */
    public static boolean scores(FormDefinition definition) {
        return definition.source().has("scoring");
    }

    /** Checks the section when the definition is loaded, so a bad weight stops the start-up, not a save. */
    public static void check(FormDefinition definition) {
        if (scores(definition)) {
            ScoringSpec.parse(definition.source().get("scoring"));
        }
    }

    /** The grade the template gives a total (优 ≥ 90 …), or empty when it scores nothing. */
    public static Optional<String> gradeOf(FormDefinition definition, java.math.BigDecimal total) {
        return scores(definition) ? Optional.of(grade(ScoringSpec.parse(definition.source().get("scoring")), total))
                : Optional.empty();
    }

    public static Optional<ScoreCard> score(FormDefinition definition, JsonNode document) {
        if (!scores(definition)) {
            return Optional.empty();
        }
        var spec = ScoringSpec.parse(definition.source().get("scoring"));
        JsonNode items = document.at(spec.items());
        Map<Integer, ScoringSpec.Category> categoryOf = new HashMap<>();
        Map<ScoringSpec.Category, Integer> counts = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            for (var category : spec.categories()) {
                if (category.match().stream().anyMatch(m -> m.holds(item))) {
                    categoryOf.put(i, category);
                    counts.merge(category, 1, Integer::sum);
                    break;
                }
            }
        }
        List<ItemScore> scored = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            var category = categoryOf.get(i);
            if (category == null) {
                continue;
            }
            BigDecimal points = category.points().divide(BigDecimal.valueOf(counts.get(category)), MathContext.DECIMAL64);
            BigDecimal score = round(points.multiply(completion(spec, items.get(i))), spec.scale());
            scored.add(new ItemScore(spec.items() + "/" + i, category.name(), round(points, spec.scale()), score));
            total = total.add(score);
        }
        BigDecimal budgetScore = null;
        if (spec.budget() != null) {
            JsonNode rate = document.at(spec.budget().rate());
            BigDecimal share = rate.isNumber() ? rate.decimalValue().max(BigDecimal.ZERO).min(spec.budget().cap()) : BigDecimal.ZERO;
            budgetScore = round(spec.budget().points().multiply(share).divide(HUNDRED, MathContext.DECIMAL64), spec.scale());
            total = total.add(budgetScore);
        }
        total = round(total, spec.scale());
        return Optional.of(new ScoreCard(List.copyOf(scored), budgetScore, total, grade(spec, total)));
    }

    /** Scores the document and writes each score, the total and the grade into it (the template's computed fields). */
    public static Optional<ScoreCard> apply(FormDefinition definition, ObjectNode document) {
        var card = score(definition, document);
        card.ifPresent(c -> {
            var spec = ScoringSpec.parse(definition.source().get("scoring"));
            JsonNode items = document.at(spec.items());
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ObjectNode item) {
                    item.remove(spec.score());
                }
            }
            for (var item : c.items()) {
                ((ObjectNode) document.at(item.pointer())).put(spec.score(), item.score());
            }
            if (spec.budget() != null) {
                put(document, spec.budget().score(), c.budgetScore());
            }
            put(document, spec.total(), c.total());
            parent(document, spec.grade()).put(spec.grade().last().getMatchingProperty(), c.grade());
        });
        return card;
    }

    /** The completion factor of one indicator, between 0 and the cap. */
    static BigDecimal completion(ScoringSpec spec, JsonNode item) {
        var target = Measure.parse(item.path(spec.target()).asText(null), spec.qualitativeGrades())
                .filter(m -> !m.isQualitative());
        if (target.isEmpty()) {
            BigDecimal factor = spec.ratings().get(item.path(spec.rating()).asText("").strip());
            return factor == null ? BigDecimal.ZERO : factor;
        }
        var actual = Measure.parse(item.path(spec.actual()).asText(null), spec.qualitativeGrades())
                .filter(m -> !m.isQualitative() && m.unit().equals(target.get().unit()));
        if (actual.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal goal = target.get().number();
        BigDecimal reached = actual.get().number();
        var operator = target.get().operator();
        if (operator == Measure.Operator.NONE && spec.lowerIsBetter().stream().anyMatch(m -> m.holds(item))) {
            operator = Measure.Operator.LE;
        }
        BigDecimal ratio = switch (operator) {
            case LE, LT -> reached.compareTo(goal) <= 0 ? BigDecimal.ONE : goal.divide(reached, MathContext.DECIMAL64);
            case EQ -> goal.signum() == 0 ? (reached.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO)
                    : BigDecimal.ONE.subtract(reached.subtract(goal).abs().divide(goal.abs(), MathContext.DECIMAL64));
            default -> goal.signum() == 0 ? BigDecimal.ONE : reached.divide(goal, MathContext.DECIMAL64);
        };
        return ratio.max(BigDecimal.ZERO).min(spec.cap());
    }

    private static String grade(ScoringSpec spec, BigDecimal total) {
        for (var grade : spec.grades()) {
            if (total.compareTo(grade.min()) >= 0) {
                return grade.grade();
            }
        }
        return spec.grades().get(spec.grades().size() - 1).grade();
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static void put(ObjectNode document, JsonPointer pointer, BigDecimal value) {
        parent(document, pointer).put(pointer.last().getMatchingProperty(), value);
    }

    private static ObjectNode parent(ObjectNode document, JsonPointer pointer) {
        ObjectNode current = document;
        for (JsonPointer p = pointer; !p.tail().matches(); p = p.tail()) {
            JsonNode child = current.get(p.getMatchingProperty());
            current = child instanceof ObjectNode object ? object : current.putObject(p.getMatchingProperty());
        }
        return current;
    }
}
