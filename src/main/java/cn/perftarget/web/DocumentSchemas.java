package cn.perftarget.web;

import java.util.List;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;

/**
 * Shows the declaration document as what it is, the JSON Schema of its template (one per template, as
 * {@code GET /api/forms/{key}/schema} serves it for saving), instead of an empty {@code JsonNode} object.
 */
@Component
class DocumentSchemas implements OpenApiCustomizer {

    private static final String DOCUMENT = "Document";

    private final FormDefinitions forms;

    DocumentSchemas(FormDefinitions forms) {
        this.forms = forms;
    }

    @Override
    public void customise(OpenAPI api) {
        var templates = forms.latestVersions();
        for (FormDefinition form : templates) {
            var schema = form.jsonSchema(false);
            schema.remove(List.of("$schema", "$id"));
            api.getComponents().addSchemas(name(form), Json31.mapper().convertValue(schema, Schema.class));
        }
        Schema<?> document = new Schema<>().oneOf(templates.stream()
                        .map(form -> (Schema) new Schema<>().$ref("#/components/schemas/" + name(form))).toList())
                .description("申报表文档，结构由申报表的模板（formKey）决定：见 GET /api/forms/{formKey}/schema（JSON Schema "
                        + "2020-12，?submission=true 为提交时的要求）");
        api.getComponents().addSchemas(DOCUMENT, document);
        var ref = "#/components/schemas/" + DOCUMENT;
        api.getComponents().getSchemas().values().forEach(component -> {
            if (component.getProperties() != null && component.getProperties().containsKey("document")) {
                component.getProperties().put("document", new Schema<>().$ref(ref));
            }
        });
        var save = api.getPaths().get("/api/declarations/{id}/document");
        // Only the JSON body is the document; the xlsx body of the same PUT stays the binary file it is.
        var json = save == null || save.getPut() == null || save.getPut().getRequestBody() == null ? null
                : save.getPut().getRequestBody().getContent().get("application/json");
        if (json != null) {
            json.setSchema(new Schema<>().$ref(ref));
        }
    }

    private static String name(FormDefinition form) {
        return DOCUMENT + "-" + form.key();
    }
}
