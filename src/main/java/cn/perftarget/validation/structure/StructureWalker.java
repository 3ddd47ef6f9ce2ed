package cn.perftarget.validation.structure;

import cn.perftarget.validation.rule.Rules;
import cn.perftarget.validation.Finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Walks a document alongside its resolved schema. The same walk serves drafts and submissions: only at
 * submission do absent or blank required values count, so a half-filled draft can always be saved while
 * values that could never be right (wrong type, too long, unknown field) are refused at once.
 */
public final class StructureWalker {

    // Compiled once: a form has a history map on every indicator.
    private static final Map<String, Pattern> KEY_PATTERNS = new ConcurrentHashMap<>();

    private final List<Finding> findings = new ArrayList<>();
    private final boolean submission;
    private final ScalarChecks scalars;

    private StructureWalker(boolean submission) {
        this.submission = submission;
        this.scalars = new ScalarChecks(findings, submission);
    }

    public static List<Finding> walk(JsonNode schema, JsonNode document, boolean submission) {
        StructureWalker walker = new StructureWalker(submission);
        Place root = Place.root(schema.path("label").asText("申报表"));
        if (document != null && document.isNull()) {
            // A blank field may wait, but a document that is null as a whole is no draft of anything.
            walker.add(root, Rules.TYPE, Messages.type(root, schema.path("type").asText(), document));
            return walker.findings;
        }
        walker.visit(schema, document == null ? MissingNode.getInstance() : document, root, true);
        return walker.findings;
    }

    private void visit(JsonNode schema, JsonNode value, Place place, boolean required) {
        String kind = schema.path("type").asText();
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (submission && required) {
                add(place, Rules.REQUIRED, Messages.required(place, "array".equals(kind)));
            }
            return;
        }
        switch (kind) {
            case "object" -> object(schema, value, place);
            case "array" -> array(schema, value, place, required);
            case "map" -> map(schema, value, place);
            case "string" -> scalars.string(schema, value, place, required);
            case "number" -> scalars.number(schema, value, place, false);
            case "integer" -> scalars.number(schema, value, place, true);
            case "boolean" -> scalars.bool(value, place);
            default -> throw new IllegalStateException("schema node of unknown type " + kind + " at " + place.pointer());
        }
    }

    private void object(JsonNode schema, JsonNode value, Place place) {
        if (!value.isObject()) {
            add(place, Rules.TYPE, Messages.type(place, "object", value));
            return;
        }
        JsonNode fields = schema.path("fields");
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode fieldSchema = field.getValue();
            String label = fieldSchema.path("label").asText(field.getKey());
            boolean section = "object".equals(fieldSchema.path("type").asText());
            visit(fieldSchema, value.get(field.getKey()), place.field(field.getKey(), label, section),
                    fieldSchema.path("required").asBoolean(false));
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            if (!fields.has(property.getKey())) {
                Place unknown = place.field(property.getKey(), property.getKey(), false);
                add(unknown, Rules.UNKNOWN_FIELD, Messages.unknownField(place, property.getKey()));
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, Place place, boolean required) {
        if (!value.isArray()) {
            add(place, Rules.TYPE, Messages.type(place, "array", value));
            return;
        }
        if (submission && required && value.isEmpty()) {
            add(place, Rules.REQUIRED, Messages.required(place, true));
        }
        checkSize(schema, value, place);
        // An item of a list is there because someone added it, so an empty one is a gap, not an omission.
        for (int i = 0; i < value.size(); i++) {
            visit(schema.path("items"), value.get(i), place.item(i), true);
        }
    }

    private void map(JsonNode schema, JsonNode value, Place place) {
        if (!value.isObject()) {
            add(place, Rules.TYPE, Messages.type(place, "object", value));
            return;
        }
        checkSize(schema, value, place);
        Pattern keyPattern = schema.has("keyPattern")
                ? KEY_PATTERNS.computeIfAbsent(schema.get("keyPattern").asText(), Pattern::compile)
                : null;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            Place entryPlace = place.entry(entry.getKey());
            if (keyPattern != null && !keyPattern.matcher(entry.getKey()).matches()) {
                String keyLabel = schema.path("keyLabel").asText("键");
                add(entryPlace, Rules.UNKNOWN_FIELD, Messages.badKey(place, entry.getKey(), keyLabel));
            } else {
                visit(schema.path("values"), entry.getValue(), entryPlace, false);
            }
        }
    }

    private void checkSize(JsonNode schema, JsonNode value, Place place) {
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            add(place, Rules.MAX_ITEMS, Messages.maxItems(place, schema.get("maxItems").asInt(), value.size()));
        }
    }

    private void add(Place place, String rule, String message) {
        findings.add(new Finding(place.pointer(), rule, message, Rules.STRUCTURE_BASIS, null));
    }
}
