package cn.perftarget.definition;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one parsed definition before it is accepted. Top-level keys it does not know (dictionaries, rules,
 * ...) are left alone so that later features can add sections; inside the schema it is strict, because a
 * misspelt "maxLenght" would otherwise silently switch a limit off.
 */
final class DefinitionChecker {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final JsonNode root;

    DefinitionChecker(JsonNode root) {
        this.root = root;
    }

    FormDefinition check() {
        if (!root.isObject()) {
            throw new DefinitionProblem("", "a definition must be a JSON object");
        }
        String key = requiredText("key");
        if (!KEY.matcher(key).matches()) {
            throw new DefinitionProblem("/key", "key \"" + key + "\" must match " + KEY.pattern());
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt() || version.intValue() < 1) {
            throw new DefinitionProblem("/version", "version must be an integer >= 1");
        }
        String title = requiredText("title");
        checkTypes();
        JsonNode document = root.get("document");
        if (document == null) {
            throw new DefinitionProblem("/document", "document schema is missing");
        }
        new SchemaNodeChecker(root.path("types")).check(document, "/document");
        JsonNode resolved = resolveOrExplain(document, "/document");
        if (!"object".equals(resolved.path("type").asText())) {
            throw new DefinitionProblem("/document/type", "the document must be of type object");
        }
        checkPrefill(resolved);
        checkYears();
        checkAttachments();
        FollowUpTemplate.check(root, pointer -> pointsToField(resolved, JsonPointer.compile(pointer)));
        Uniqueness.of(root, resolved);
        return new FormDefinition(key, version.intValue(), title, root);
    }

    private String requiredText(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new DefinitionProblem("/" + name, name + " is missing or not a non-blank string");
        }
        return node.asText();
    }

    private void checkTypes() {
        JsonNode types = root.path("types");
        if (types.isMissingNode()) {
            return;
        }
        if (!types.isObject()) {
            throw new DefinitionProblem("/types", "types must be an object of named types");
        }
        SchemaNodeChecker checker = new SchemaNodeChecker(types);
        for (Map.Entry<String, JsonNode> type : types.properties()) {
            String place = "/types/" + Pointers.escape(type.getKey());
            if (!TYPE_NAME.matcher(type.getKey()).matches() || SchemaResolver.KINDS.contains(type.getKey())) {
                throw new DefinitionProblem(place, "\"" + type.getKey() + "\" is not a valid type name");
            }
            checker.check(type.getValue(), place);
            resolveOrExplain(type.getValue(), place);
        }
    }

    private JsonNode resolveOrExplain(JsonNode node, String place) {
        try {
            return new SchemaResolver(root.path("types")).resolve(node);
        } catch (SchemaResolver.TypeCycleException e) {
            throw new DefinitionProblem(place, e.getMessage());
        }
    }

    private void checkYears() {
        JsonNode years = root.path("years");
        if (years.isMissingNode()) {
            return;
        }
        if (!years.isObject()) {
            throw new DefinitionProblem("/years", "years must be an object such as {\"from\": 2016, \"to\": 2021}");
        }
        for (Map.Entry<String, JsonNode> end : years.properties()) {
            if (!end.getKey().equals("from") && !end.getKey().equals("to")) {
                throw new DefinitionProblem("/years/" + Pointers.escape(end.getKey()), "years has only \"from\" and \"to\"");
            }
            if (!end.getValue().canConvertToExactIntegral() || end.getValue().intValue() < 2000 || end.getValue().intValue() > 2100) {
                throw new DefinitionProblem("/years/" + end.getKey(), "a budget year must be an integer from 2000 to 2100");
            }
        }
        if (years.has("from") && years.has("to") && years.get("from").intValue() > years.get("to").intValue()) {
            throw new DefinitionProblem("/years/to", "\"to\" must not be before \"from\"");
        }
    }

    /** {@code attachments}: a list of kinds, each a distinct non-blank name of at most 50 characters. */
    private void checkAttachments() {
        JsonNode list = root.path("attachments");
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            throw new DefinitionProblem("/attachments", "attachments must be a list such as [{\"kind\": \"测算依据\", \"required\": true}]");
        }
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String kind = entry.path("kind").asText("").strip();
            if (!entry.isObject() || kind.isEmpty() || kind.length() > 50 || !entry.path("kind").isTextual()) {
                throw new DefinitionProblem("/attachments/" + i + "/kind", "a kind must be a non-blank string of at most 50 characters");
            }
            if (!seen.add(kind)) {
                throw new DefinitionProblem("/attachments/" + i + "/kind", "kind \"" + kind + "\" is listed twice");
            }
            if (entry.has("required") && !entry.get("required").isBoolean()) {
                throw new DefinitionProblem("/attachments/" + i + "/required", "required must be true or false");
            }
            for (var names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("kind") && !name.equals("required")) {
                    throw new DefinitionProblem("/attachments/" + i + "/" + Pointers.escape(name), "an attachment kind has only \"kind\" and \"required\"");
                }
            }
        }
    }

    private void checkPrefill(JsonNode documentSchema) {
        JsonNode prefill = root.path("prefill");
        if (prefill.isMissingNode()) {
            return;
        }
        if (!prefill.isObject()) {
            throw new DefinitionProblem("/prefill", "prefill must map JSON Pointers to " + Prefill.SOURCES);
        }
        for (Map.Entry<String, JsonNode> entry : prefill.properties()) {
            String place = "/prefill/" + Pointers.escape(entry.getKey());
            if (!Prefill.SOURCES.contains(entry.getValue().asText())) {
                throw new DefinitionProblem(place, "unknown prefill source " + entry.getValue() + ", expected one of " + Prefill.SOURCES);
            }
            if (!entry.getKey().startsWith("/") || !pointsToField(documentSchema, JsonPointer.compile(entry.getKey()))) {
                throw new DefinitionProblem(place, "\"" + entry.getKey() + "\" is not a field of the document");
            }
        }
    }

    private static boolean pointsToField(JsonNode schema, JsonPointer pointer) {
        JsonNode current = schema;
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            current = current.path("fields").path(p.getMatchingProperty());
            if (current.isMissingNode()) {
                return false;
            }
        }
        return true;
    }
}
