package cn.perftarget.declaration;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.identity.Actor;

/**
 * Starts a new declaration from an earlier one of the same department: goals, tasks, indicators and the filer's
 * header fields are copied, funds are left blank, and each indicator's 预期当年实现值 becomes its 近两年 value for
 * the earlier year (history outside the new year's two years is dropped).
 */
@Component
class LastYearCopy {

    private final Access access;
    private final DocumentStore documents;

    LastYearCopy(Access access, DocumentStore documents) {
        this.access = access;
        this.documents = documents;
    }

    ObjectNode start(Actor actor, long copyFrom, FormDefinition definition, ObjectNode initial, int year) {
        Declaration source;
        try {
            source = access.visible(actor, copyFrom);
        } catch (DeclarationNotFoundException e) {
            throw new DeclarationNotFoundException("copyFrom：申报表 " + copyFrom + " 不存在或不属于本部门");
        }
        if (!source.department().equals(actor.department())) {
            throw new DeclarationNotFoundException("copyFrom：申报表 " + copyFrom + " 不存在或不属于本部门");
        }
        if (!source.formKey().equals(definition.key())) {
            throw InvalidRequestException.of("/copyFrom", "request.copy-from-form", "copyFrom：申报表 " + copyFrom
                    + " 的表单为“" + source.formKey() + "”，与新建的“" + definition.key() + "”不同");
        }
        if (source.year() >= year) {
            throw InvalidRequestException.of("/copyFrom", "request.copy-from-year", "copyFrom：申报表 " + copyFrom
                    + " 的年度为 " + source.year() + "，应早于新建的 " + year + " 年度");
        }
        JsonNode earlier = documents.current(source);
        ObjectNode document = initial.deepCopy();
        earlier.properties().forEach(field -> {
            switch (field.getKey()) {
                case "funds" -> { }
                case "header" -> field.getValue().properties().forEach(h -> {
                    if (!document.with("header").has(h.getKey())) {
                        document.with("header").set(h.getKey(), h.getValue().deepCopy());
                    }
                });
                default -> document.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        shiftIndicators(document, source.year(), year);
        return document;
    }

    private static void shiftIndicators(JsonNode node, int earlierYear, int year) {
        if (node instanceof ObjectNode object && (object.has("expected") || object.path("history").isObject())
                && object.has("name")) {
            ObjectNode history = object.path("history").isObject() ? (ObjectNode) object.get("history") : object.objectNode();
            for (String key : new ArrayList<>(iterable(history))) {
                if (!key.equals(Integer.toString(year - 1)) && !key.equals(Integer.toString(year - 2))) {
                    history.remove(key);
                }
            }
            JsonNode expected = object.remove("expected");
            if (expected != null && !expected.isNull() && earlierYear >= year - 2) {
                history.set(Integer.toString(earlierYear), expected);
            }
            object.set("history", history);
            return;
        }
        node.forEach(child -> shiftIndicators(child, earlierYear, year));
    }

    private static java.util.List<String> iterable(ObjectNode history) {
        var keys = new ArrayList<String>();
        history.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
