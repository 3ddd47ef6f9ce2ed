package cn.perftarget.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;

/**
 * The {@code scoring} section of a definition (自评打分), read once: which array holds the indicators, the categories
 * with their points (项目支出: 产出 50, 效益 30, 满意度 10) and how an indicator falls into one, the 预算执行率 points,
 * the cap on a completion ratio, the factors of the qualitative ratings and the grade thresholds. Nothing of a
 * particular template is in the Java: another bureau's weights are another file.
 */
record ScoringSpec(JsonPointer items, String target, String actual, String rating, String score,
                   List<Category> categories, Budget budget, BigDecimal cap, List<Match> lowerIsBetter,
                   Map<String, BigDecimal> ratings, List<Grade> grades, JsonPointer total, JsonPointer grade, int scale,
                   Set<String> qualitativeGrades) {

    /** A share of the points: indicators matching any of {@code match} (first category wins) split them equally. */
    record Category(String name, BigDecimal points, List<Match> match) {
    }

    /** {@code field} (relative to an indicator) contains {@code contains}. */
    record Match(String field, String contains) {
        boolean holds(JsonNode indicator) {
            return indicator.path(field).asText("").contains(contains);
        }
    }

    /** 预算执行率: points × min(rate, cap) / 100, rate read at {@code rate}, the score written to {@code score}. */
    record Budget(BigDecimal points, JsonPointer rate, JsonPointer score, BigDecimal cap) {
    }

    /** The grade of a total at or above {@code min}. */
    record Grade(String grade, BigDecimal min) {
    }

    static ScoringSpec parse(JsonNode node) {
        String at = "/scoring";
        if (!node.isObject()) {
            throw new DefinitionProblem(at, "scoring must be an object");
        }
        List<Category> categories = new ArrayList<>();
        JsonNode list = node.path("categories");
        if (!list.isArray() || list.isEmpty()) {
            throw new DefinitionProblem(at + "/categories", "scoring needs at least one category");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            categories.add(new Category(text(c, "name", at + "/categories/" + i),
                    points(c, "points", at + "/categories/" + i), matches(c.path("match"), at + "/categories/" + i + "/match")));
        }
        JsonNode b = node.path("budget");
        Budget budget = b.isMissingNode() ? null : new Budget(points(b, "points", at + "/budget"),
                pointer(b, "rate", at + "/budget"), pointer(b, "score", at + "/budget"), points(b, "cap", at + "/budget"));
        Map<String, BigDecimal> ratings = new LinkedHashMap<>();
        node.path("ratings").properties().forEach(e -> ratings.put(e.getKey(), e.getValue().decimalValue()));
        if (ratings.isEmpty()) {
            throw new DefinitionProblem(at + "/ratings", "ratings must map each qualitative rating to a factor, e.g. {\"达成\": 1}");
        }
        List<Grade> grades = new ArrayList<>();
        JsonNode g = node.path("grades");
        for (int i = 0; i < g.size(); i++) {
            grades.add(new Grade(text(g.get(i), "grade", at + "/grades/" + i), points(g.get(i), "min", at + "/grades/" + i)));
        }
        if (grades.isEmpty()) {
            throw new DefinitionProblem(at + "/grades", "grades must list thresholds, e.g. [{\"grade\": \"优\", \"min\": 90}]");
        }
        grades.sort((x, y) -> y.min().compareTo(x.min()));
        Set<String> qualitative = new java.util.LinkedHashSet<>();
        node.path("qualitativeGrades").forEach(q -> qualitative.add(q.asText()));
        return new ScoringSpec(pointer(node, "items", at), text(node, "target", at), text(node, "actual", at),
                text(node, "rating", at), text(node, "score", at), List.copyOf(categories), budget,
                points(node, "cap", at), matches(node.path("lowerIsBetter"), at + "/lowerIsBetter"), Map.copyOf(ratings),
                List.copyOf(grades), pointer(node, "total", at), pointer(node, "grade", at),
                node.path("scale").asInt(2), Set.copyOf(qualitative));
    }

    private static List<Match> matches(JsonNode list, String at) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new Match(text(list.get(i), "field", at + "/" + i), text(list.get(i), "contains", at + "/" + i)));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new DefinitionProblem(at + "/" + name, name + " must be a non-blank string");
        }
        return value.asText();
    }

    private static BigDecimal points(JsonNode node, String name, String at) {
        JsonNode value = node.path(name);
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            throw new DefinitionProblem(at + "/" + name, name + " must be a non-negative number");
        }
        return value.decimalValue();
    }

    private static JsonPointer pointer(JsonNode node, String name, String at) {
        String text = text(node, name, at);
        if (!text.startsWith("/")) {
            throw new DefinitionProblem(at + "/" + name, name + " must be a JSON Pointer such as /indicators");
        }
        return JsonPointer.compile(text);
    }
}
