package cn.perftarget.definition;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable form template version, as read from a file in {@code forms/}.
 *
 * @param key     template key, e.g. {@code dept-overall}; a declaration pins it together with {@code version}
 * @param version template version, starting at 1
 * @param title   human title, e.g. 部门整体支出绩效目标申报表
 * @param source  the whole parsed definition file; treat as read-only
 */
public record FormDefinition(String key, int version, String title, JsonNode source) {

    public FormDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The schema of the document with every named-type reference replaced by the type itself, so a consumer
     * only meets the built-in node types (object, string, number, integer, boolean, array, map). Each call
     * returns a fresh copy that the caller may keep or change.
     */
    public JsonNode documentSchema() {
        return new SchemaResolver(source.path("types")).resolve(source.path("document"));
    }

    /**
     * Where a JSON Pointer of this template's documents leads, in the template's words (年度目标1 › 绩效指标2 ›
     * 指标值): how every page, message and file names a field to people.
     */
    public String placeOf(String pointer) {
        return FieldPath.of(documentSchema(), pointer).text();
    }

    /** What makes a declaration of this template unique (the definition's {@code uniqueness} list). */
    public Uniqueness uniqueness() {
        return Uniqueness.of(source, documentSchema());
    }

    /**
     * The JSON Schema (2020-12) of this template's documents, written from its schema nodes: types, labels as
     * {@code title}, lengths, ranges, maps as {@code patternProperties}, no unknown fields. For a save, every value
     * may be left out or null; with {@code submission}, required values must be present and not blank, as the
     * submission check demands. Cross-field rules (sums, dictionaries, indicator values) are not in it. Each call
     * returns a fresh copy.
     */
    public ObjectNode jsonSchema(boolean submission) {
        return new DocumentJsonSchema(submission).write(this);
    }

    /**
     * Whether this version serves declarations of this budget year: its {@code years} section
     * ({@code {"from": 2016, "to": 2021}}, either end optional) includes the year; without the section, every year.
     */
    public boolean servesYear(int year) {
        JsonNode years = source.path("years");
        return (!years.has("from") || years.get("from").intValue() <= year)
                && (!years.has("to") || year <= years.get("to").intValue());
    }

    /** The key of the process model that reviews this template's declarations ({@code DeclarationApproval} unless it names one). */
    public String process() {
        String key = source.path("process").asText("");
        return key.isBlank() ? "DeclarationApproval" : key;
    }

    /**
     * The kinds of files its declarations carry, from the definition's {@code attachments} list
     * ({@code [{"kind": "测算依据", "required": true}, ...]}); a template without the list takes any file as 其他, so
     * every declaration can carry files without its template saying so.
     */
    public List<AttachmentKind> attachmentKinds() {
        JsonNode list = source.path("attachments");
        if (!list.isArray() || list.isEmpty()) {
            return DEFAULT_ATTACHMENT_KINDS;
        }
        var kinds = new java.util.ArrayList<AttachmentKind>();
        list.forEach(k -> kinds.add(new AttachmentKind(k.path("kind").asText(), k.path("required").asBoolean(false))));
        return List.copyOf(kinds);
    }

    private static final List<AttachmentKind> DEFAULT_ATTACHMENT_KINDS = List.of(new AttachmentKind("其他", false));

    /**
     * The facts the approval process routes on: JSON Pointers into the document (e.g.
     * {@code "totalBudget": "/funds/income/total/budget"}) and fixed facts of the template
     * ({@code "expertReview": true}). Missing when the template declares none.
     */
    public JsonNode routing() {
        return source.path("routing");
    }

    /**
     * A new document for a fresh declaration, holding only the values named by the definition's
     * {@code prefill} section (JSON Pointer into the document → {@code departmentName} or {@code year}).
     */
    public ObjectNode initialDocument(String departmentName, int year) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : source.path("prefill").properties()) {
            JsonNode value = Prefill.value(entry.getValue().asText(), departmentName, year);
            put(document, JsonPointer.compile(entry.getKey()), value);
        }
        return document;
    }

    private static void put(ObjectNode target, JsonPointer pointer, JsonNode value) {
        ObjectNode current = target;
        for (JsonPointer p = pointer; !p.tail().matches(); p = p.tail()) {
            JsonNode child = current.get(p.getMatchingProperty());
            current = child instanceof ObjectNode object ? object : current.putObject(p.getMatchingProperty());
        }
        current.set(pointer.last().getMatchingProperty(), value);
    }
}
