package cn.perftarget.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code followUp} section of a template that follows an approved declaration (绩效运行监控, 绩效自评): which
 * templates it follows, where the base's id and the period go, and how the approved revision's indicators and
 * amounts are copied into the new document. Data, so a new follow-up form needs no Java.
 */
public final class FollowUpTemplate {

    /** 1–N月: the first and the last month of the period, {@code 01-07}. */
    private static final Pattern PERIOD = Pattern.compile("(0[1-9]|1[0-2])-(0[1-9]|1[0-2])");
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private final JsonNode section;

    private FollowUpTemplate(JsonNode section) {
        this.section = section;
    }

    public static Optional<FollowUpTemplate> of(FormDefinition definition) {
        JsonNode section = definition.source().path("followUp");
        return section.isObject() ? Optional.of(new FollowUpTemplate(section)) : Optional.empty();
    }

    /** Whether declarations of this template key may be its base. */
    public boolean follows(String baseKey) {
        for (JsonNode key : section.path("of")) {
            if (key.asText().equals(baseKey)) {
                return true;
            }
        }
        return false;
    }

    /** The templates it follows, for messages. */
    public List<String> bases() {
        List<String> out = new ArrayList<>();
        section.path("of").forEach(k -> out.add(k.asText()));
        return out;
    }

    /** Whether a follow-up of this template is for a period (监控: 1–N月) rather than the whole year. */
    public boolean hasPeriod() {
        return section.path("period").isObject();
    }

    /** Whether the text is a period such as {@code 01-07}: two months, the first not after the last. */
    public static boolean isPeriod(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period);
        return m != null && m.matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2));
    }

    /**
     * The first document of a follow-up: the template's own prefill, the base's id, the period and the share of the
     * year elapsed at its end (时间进度), and the base's indicators and amounts as the section says.
     */
    public ObjectNode initialDocument(ObjectNode initial, long basedOn, String period, JsonNode base) {
        ObjectNode document = initial.deepCopy();
        put(document, section.path("basedOnInto").asText(), JsonNodeFactory.instance.numberNode(basedOn));
        JsonNode periodSpec = section.path("period");
        if (periodSpec.isObject() && period != null) {
            put(document, periodSpec.path("into").asText(), JsonNodeFactory.instance.textNode(period));
            int last = Integer.parseInt(period.substring(3));
            BigDecimal share = BigDecimal.valueOf(last).multiply(BigDecimal.valueOf(100)).divide(MONTHS, 2, RoundingMode.HALF_UP);
            if (periodSpec.has("timeShareInto")) {
                put(document, periodSpec.path("timeShareInto").asText(), JsonNodeFactory.instance.numberNode(share));
            }
        }
        JsonNode indicators = section.path("indicators");
        if (indicators.isObject()) {
            ArrayNode into = JsonNodeFactory.instance.arrayNode();
            for (JsonNode from : indicators.path("from")) {
                collect(base, from.asText().substring(1).split("/", -1), 0, found -> {
                    ObjectNode copy = into.addObject();
                    indicators.path("copy").properties().forEach(e -> {
                        JsonNode value = found.get(e.getValue().asText());
                        if (value != null && !value.isNull()) {
                            copy.set(e.getKey(), value.deepCopy());
                        }
                    });
                });
            }
            put(document, indicators.path("into").asText(), into);
        }
        for (Map.Entry<String, JsonNode> value : section.path("values").properties()) {
            for (JsonNode from : value.getValue()) {
                JsonNode found = base.at(from.asText());
                if (!found.isMissingNode() && !found.isNull()) {
                    put(document, value.getKey(), found.deepCopy());
                    break;
                }
            }
        }
        return document;
    }

    /** Every node a pattern such as {@code annualGoals/* /indicators/*} reaches, in document order. */
    private static void collect(JsonNode node, String[] steps, int at, java.util.function.Consumer<JsonNode> found) {
        if (at == steps.length) {
            if (node.isObject()) {
                found.accept(node);
            }
            return;
        }
        if (steps[at].equals("*")) {
            node.forEach(child -> collect(child, steps, at + 1, found));
        } else if (node.has(steps[at])) {
            collect(node.get(steps[at]), steps, at + 1, found);
        }
    }

    private static void put(ObjectNode target, String pointerText, JsonNode value) {
        if (pointerText.isBlank()) {
            return;
        }
        JsonPointer pointer = JsonPointer.compile(pointerText);
        ObjectNode current = target;
        for (JsonPointer p = pointer; !p.tail().matches(); p = p.tail()) {
            JsonNode child = current.get(p.getMatchingProperty());
            current = child instanceof ObjectNode object ? object : current.putObject(p.getMatchingProperty());
        }
        current.set(pointer.last().getMatchingProperty(), value);
    }

    /** The loader's check: the section's places are fields of the document. */
    static void check(JsonNode root, java.util.function.Predicate<String> isField) {
        JsonNode section = root.path("followUp");
        if (section.isMissingNode()) {
            return;
        }
        if (!section.isObject() || !section.path("of").isArray() || section.path("of").isEmpty()) {
            throw new DefinitionProblem("/followUp/of", "followUp needs \"of\": the template keys it follows");
        }
        List<String> places = new ArrayList<>(List.of("/followUp/basedOnInto"));
        if (section.has("period")) {
            places.add("/followUp/period/into");
        }
        if (section.has("indicators")) {
            places.add("/followUp/indicators/into");
        }
        for (String place : places) {
            String pointer = root.at(place).asText("");
            if (!pointer.startsWith("/") || !isField.test(pointer)) {
                throw new DefinitionProblem(place, "\"" + pointer + "\" is not a field of the document");
            }
        }
    }
}
