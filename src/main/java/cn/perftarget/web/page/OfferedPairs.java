package cn.perftarget.web.page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.validation.DocumentValidator;
import cn.perftarget.validation.Finding;
import cn.perftarget.validation.ValidationContext;

/**
 * Which 一级/二级 pairs a dependent drop-down may offer: exactly those the definition's rules accept without an
 * error or a warning at the 二级 field. A dictionary may keep an old placement (成本指标 under 产出指标) so that old
 * sheets still import, while a rule warns against it; the page must not offer what the check then warns about.
 * Asked of the validator itself, so no rule is repeated here; definitions are immutable, so answers are kept.
 */
@Component
class OfferedPairs {

    /** Whether a drop-down at {@code place} may offer {@code value} for {@code field} under {@code parent}. */
    interface Check {
        boolean offered(String place, String parentField, String parent, String field, String value);
    }

    private final DocumentValidator validator;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    OfferedPairs(DocumentValidator validator) {
        this.validator = validator;
    }

    Check of(FormDefinition definition, int year) {
        return (place, parentField, parent, field, value) -> answers.computeIfAbsent(
                String.join("\u0000", definition.key(), Integer.toString(definition.version()), Integer.toString(year),
                        place, parentField, parent, field, value),
                k -> accepted(definition, year, place, parentField, parent, field, value));
    }

    private boolean accepted(FormDefinition definition, int year, String place, String parentField, String parent,
                             String field, String value) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put(parentField, parent).put(field, value);
        String[] parts = place.isEmpty() ? new String[0] : place.substring(1).split("/");
        JsonNode document = wrap(parts, 0, item);
        if (!document.isObject()) {
            return true;
        }
        String at = place.replace("*", "0") + "/" + field;
        var report = validator.validate(definition, document, new ValidationContext(year));
        return java.util.stream.Stream.of(report.errors(), report.warnings()).flatMap(List::stream)
                .map(Finding::path).noneMatch(at::equals);
    }

    /** The smallest document holding the item at the place (every {@code *} the first element of its list). */
    private static JsonNode wrap(String[] parts, int i, ObjectNode item) {
        if (i == parts.length) {
            return item;
        }
        JsonNode inner = wrap(parts, i + 1, item);
        if (parts[i].equals("*")) {
            return JsonNodeFactory.instance.arrayNode().add(inner);
        }
        return JsonNodeFactory.instance.objectNode().set(parts[i].replace("~1", "/").replace("~0", "~"), inner);
    }
}
