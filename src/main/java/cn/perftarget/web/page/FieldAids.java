package cn.perftarget.web.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.web.page.FormParts.Choices;

/**
 * What the rules of a definition tell the page about a field: the drop-down of a {@code dictionary} rule (not of
 * a refusing one, whose entries are the values the field must not hold), the
 * grammar hint of a {@code valueFormat} rule, and the cells a {@code sum} or {@code share} rule relates (the only
 * arithmetic the page repeats, to show 合计 and 占比 as the filer types). The rules themselves run on the server.
 */
final class FieldAids {

    /** {@code parentField}: the sibling (一级指标) whose value picks the group of choices offered, or null. */
    record Dropdown(Predicate<String> at, List<Choices> choices, String parentField) {
    }

    record Sum(Predicate<String> at, String total, List<String> columns) {
    }

    record Share(Predicate<String> at, String total, String amount, String share) {
    }

    private final List<Dropdown> dropdowns = new ArrayList<>();
    private final List<Map.Entry<Predicate<String>, String>> hints = new ArrayList<>();
    private final List<Sum> sums = new ArrayList<>();
    private final List<Share> shares = new ArrayList<>();

    FieldAids(FormDefinition definition, OfferedPairs.Check offered) {
        JsonNode dictionaries = definition.source().path("dictionaries");
        for (JsonNode rule : definition.source().path("rules")) {
            List<String> places = texts(rule.path("forEach"));
            if (places.isEmpty()) {
                places = List.of("");
            }
            switch (rule.path("kind").asText()) {
                case "dictionary" -> {
                    // A refusing dictionary lists what the field must NOT hold (category names as 指标名称).
                    if (!rule.path("refuse").asBoolean(false)) {
                        String parent = rule.path("parentField").asText(null);
                        var choices = choices(dictionaries.path(rule.path("dictionary").asText()).path("entries"),
                                parent != null);
                        if (parent != null) {
                            choices = offered(choices, places, parent, rule.path("field").asText(), offered);
                        }
                        dropdowns.add(new Dropdown(matcher(places, List.of(rule.path("field").asText())), choices, parent));
                    }
                }
                case "valueFormat" -> hints.add(Map.entry(matcher(places, texts(rule.path("fields"))),
                        valueHint(texts(rule.path("grades")))));
                case "sum" -> sums.add(new Sum(matcher(places, List.of("")), rule.path("total").asText(),
                        texts(rule.path("columns"))));
                case "share" -> shares.add(new Share(matcher(places, List.of("")), rule.path("total").asText(),
                        rule.path("amount").asText(), rule.path("share").asText()));
                default -> { }
            }
        }
    }

    /** The choices of the field at this pattern pointer, if a dictionary rule names it. */
    Optional<List<Choices>> dropdown(String pattern) {
        return dropdowns.stream().filter(d -> d.at().test(pattern)).map(Dropdown::choices).findFirst();
    }

    /** The sibling field whose value picks the group this field's drop-down offers (一级 for 二级). */
    Optional<String> parentField(String pattern) {
        return dropdowns.stream().filter(d -> d.at().test(pattern)).findFirst().map(Dropdown::parentField);
    }

    Optional<String> hint(String pattern) {
        return hints.stream().filter(h -> h.getKey().test(pattern)).map(Map.Entry::getValue).findFirst();
    }

    Optional<Sum> sum(String tablePattern) {
        return sums.stream().filter(s -> s.at().test(tablePattern)).findFirst();
    }

    Optional<Share> share(String tablePattern) {
        return shares.stream().filter(s -> s.at().test(tablePattern)).findFirst();
    }

    private static String valueHint(List<String> grades) {
        return "写法：运算符（≥ ≤ = > <，可省略）+ 数值 + 单位，如 ≥99%、≤157.1万元、30天以内；定性指标写“定性：良好”"
                + (grades.isEmpty() ? "" : "或 " + String.join("、", grades.subList(0, Math.min(6, grades.size()))) + " 等");
    }

    private static List<Choices> choices(JsonNode entries, boolean grouped) {
        if (entries.isArray()) {
            return List.of(new Choices(null, texts(entries)));
        }
        if (!grouped) {
            return List.of(new Choices(null, List.copyOf(fieldNames(entries))));
        }
        var result = new ArrayList<Choices>();
        entries.properties().forEach(e -> result.add(new Choices(e.getKey(), texts(e.getValue()))));
        return result;
    }

    /** Each group keeps the values every place accepts under it without an error or a warning. */
    private static List<Choices> offered(List<Choices> groups, List<String> places, String parentField, String field,
                                         OfferedPairs.Check check) {
        return groups.stream().map(g -> new Choices(g.group(), g.values().stream()
                .filter(v -> places.stream().allMatch(place -> check.offered(place, parentField, g.group(), field, v)))
                .toList())).toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new LinkedHashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Matches a pattern pointer (indexes written {@code *}) against place/field, where a {@code *} matches anything. */
    private static Predicate<String> matcher(List<String> places, List<String> fields) {
        var regexes = new ArrayList<String>();
        for (String place : places) {
            for (String field : fields) {
                String pointer = field.isEmpty() ? place : place + "/" + field;
                regexes.add(quote(pointer));
            }
        }
        Pattern pattern = Pattern.compile(String.join("|", regexes));
        return candidate -> pattern.matcher(candidate).matches();
    }

    private static String quote(String pointer) {
        var regex = new StringBuilder("(?:");
        for (String segment : pointer.split("/", -1)) {
            if (regex.length() > 3) {
                regex.append('/');
            }
            regex.append(segment.equals("*") ? "[^/]+" : Pattern.quote(segment));
        }
        return regex.append(')').toString();
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }
}
