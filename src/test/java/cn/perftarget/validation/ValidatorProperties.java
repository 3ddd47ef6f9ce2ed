package cn.perftarget.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;

/**
 * The validator on documents nobody would write: random shapes, random values, deep nesting. It never throws, no
 * rule breaks down ({@code rule.failed}), and every finding points at a place of the document: a path that exists,
 * or (for a missing value, such as a required field) a path whose parent exists. {@code ""} is the whole document.
 */
class ValidatorProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<FormDefinition> FORMS =
            new FormDefinitions(new FormsProperties(null), List.of()).latestVersions();
    private static final DocumentValidator VALIDATOR = new DocumentValidator(new RuleSets());
    private static final ObjectNode SAMPLE = DeptOverall.correctedSample();

    private static final String[] TEXTS = {"", "   ", "...", "……", "指标", "≥99%", "≤-5%", "=100%", "abc%", "99.9999999%",
            "１００％", "定性：良好", "≥", "%", "1e400", "NaN", "∞", "≥98.5万元", "<0", "不低于90%", "30天以内", "\u0000",
            "产出指标", "效益指标", "满意度指标", "质量指标", "成本指标", "行业标准", "2019", "2020", "-1", "0", "1e-7",
            "\uD83D\uDE00", "a".repeat(300), "职".repeat(5000), "/header/phone", "null", "{}", "[]", "‰", "≥-∞%"};

    @Provide
    Arbitrary<JsonNode> documents() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.randoms().map(random -> mutate(SAMPLE.deepCopy(), random))),
                net.jqwik.api.Tuple.of(1, Arbitraries.randoms().map(random -> randomValue(random, 0, 8))));
    }

    @Property(tries = 300)
    void validatorNeverThrowsAndPointsOnlyIntoTheDocument(@ForAll("documents") JsonNode document,
                                                          @ForAll("years") int year) {
        for (FormDefinition form : FORMS) {
            var structure = VALIDATOR.checkStructure(form, document);
            var report = VALIDATOR.validate(form, document, new ValidationContext(year));
            var findings = new ArrayList<>(structure);
            findings.addAll(report.errors());
            findings.addAll(report.warnings());
            assertThat(report.valid()).isEqualTo(report.errors().isEmpty());
            for (Finding finding : findings) {
                assertThat(finding.rule()).as(finding.toString()).isNotEqualTo("rule.failed");
                assertThat(finding.message()).as(finding.toString()).isNotBlank();
                assertThat(pointsIntoDocument(document, finding.path())).as(form.key() + " " + finding).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(2000, 2100);
    }

    /** {@code path} exists in {@code document}, or names a missing member of a place that exists. */
    static boolean pointsIntoDocument(JsonNode document, String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (!path.startsWith("/")) {
            return false;
        }
        JsonPointer pointer = JsonPointer.compile(path);
        if (!document.at(pointer).isMissingNode()) {
            return true;
        }
        JsonNode parent = document.at(pointer.head());
        return parent.isObject() || parent.isArray() && pointer.last().getMatchingIndex() >= 0;
    }

    private static JsonNode mutate(ObjectNode document, Random random) {
        int changes = 1 + random.nextInt(6);
        for (int i = 0; i < changes; i++) {
            List<JsonPointer> places = new ArrayList<>();
            collect(document, JsonPointer.empty(), places);
            JsonPointer place = places.get(random.nextInt(places.size()));
            JsonNode container = document.at(place.head());
            switch (random.nextInt(5)) {
                case 0, 1 -> replace(container, place, randomValue(random, place.toString().split("/").length, 10));
                case 2 -> remove(container, place);
                case 3 -> {
                    JsonNode target = document.at(place);
                    if (target instanceof ObjectNode object) {
                        object.set(randomKey(random), randomValue(random, 0, 3));
                    } else if (target instanceof ArrayNode array && !array.isEmpty()) {
                        for (int n = random.nextInt(120); n > 0; n--) {
                            array.add(array.get(random.nextInt(array.size())).deepCopy());
                        }
                    }
                }
                default -> replace(container, place, NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]));
            }
        }
        return document;
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> places) {
        if (!at.matches()) {
            places.add(at);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), at.appendProperty(e.getKey()), places));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), places);
            }
        }
        if (places.isEmpty()) {
            places.add(at);
        }
    }

    private static void replace(JsonNode container, JsonPointer place, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set(place.last().getMatchingProperty(), value);
        } else if (container instanceof ArrayNode array && place.last().getMatchingIndex() >= 0) {
            array.set(place.last().getMatchingIndex(), value);
        }
    }

    private static void remove(JsonNode container, JsonPointer place) {
        if (container instanceof ObjectNode object) {
            object.remove(place.last().getMatchingProperty());
        } else if (container instanceof ArrayNode array && place.last().getMatchingIndex() >= 0) {
            array.remove(place.last().getMatchingIndex());
        }
    }

    private static String randomKey(Random random) {
        String[] keys = {"header", "year", "phone", "budget", "share", "history", "2019", "", "~", "/", "a/b", "~1",
                "indicators", "value", "expected", "level1", "name", "title", "projectName", "funds", "total"};
        return keys[random.nextInt(keys.length)];
    }

    /** Any JSON value; containers no deeper than {@code maxDepth} (the nesting limit of a sane request). */
    static JsonNode randomValue(Random random, int depth, int maxDepth) {
        int kind = depth >= maxDepth ? random.nextInt(6) : random.nextInt(9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(201) - 100);
            case 3 -> NODES.numberNode(new java.math.BigDecimal(random.nextGaussian() * Math.pow(10, random.nextInt(12)))
                    .setScale(random.nextInt(10), java.math.RoundingMode.HALF_UP));
            case 4, 5 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(randomValue(random, depth + 1, maxDepth));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.set(randomKey(random), randomValue(random, depth + 1, maxDepth));
                }
                yield object;
            }
        };
    }
}
