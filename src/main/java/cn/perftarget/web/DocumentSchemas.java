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
        // A document alone does not say its template (an empty draft fits every one): anyOf, and where the
        // formKey stands beside it, the object is split by template below so that exactly one branch matches.
        Schema<?> document = new Schema<>().anyOf(templates.stream()
                        .map(form -> (Schema) new Schema<>().$ref("#/components/schemas/" + name(form))).toList())
                .description("申报表文档，结构由申报表的模板（formKey）决定：见 GET /api/forms/{formKey}/schema（JSON Schema "
                        + "2020-12，?submission=true 为提交时的要求）");
        api.getComponents().addSchemas(DOCUMENT, document);
        var ref = "#/components/schemas/" + DOCUMENT;
        var split = new java.util.LinkedHashMap<String, Schema>();
        api.getComponents().getSchemas().forEach((name, component) -> {
            if (component.getProperties() != null && component.getProperties().containsKey("document")) {
                component.getProperties().put("document", new Schema<>().$ref(ref));
                if (component.getProperties().containsKey("formKey")) {
                    split.put(name, component);
                }
            }
        });
        split.forEach((name, component) -> byTemplate(api, name, component, templates));
        var save = api.getPaths().get("/api/declarations/{id}/document");
        // Only the JSON body is the document; the xlsx body of the same PUT stays the binary file it is.
        var json = save == null || save.getPut() == null || save.getPut().getRequestBody() == null ? null
                : save.getPut().getRequestBody().getContent().get("application/json");
        if (json != null) {
            json.setSchema(new Schema<>().$ref(ref));
        }
    }

    /**
     * {@code name} becomes a oneOf discriminated by {@code formKey}: one copy per template whose formKey is that
     * template's key and whose document is that template's schema.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void byTemplate(OpenAPI api, String name, Schema component, List<FormDefinition> templates) {
        var mapping = new java.util.LinkedHashMap<String, String>();
        List<Schema> branches = new java.util.ArrayList<>();
        for (FormDefinition form : templates) {
            var properties = new java.util.LinkedHashMap<String, Schema>(component.getProperties());
            properties.put("formKey", new Schema<>().types(java.util.Set.of("string")).description("模板代码")
                    ._const(form.key()));
            properties.put("document", new Schema<>().$ref("#/components/schemas/" + name(form)));
            var required = new java.util.ArrayList<String>(List.of("formKey"));
            var branch = new Schema<>().types(java.util.Set.of("object")).properties(properties).required(required)
                    .description(component.getDescription());
            String branchName = name + "-" + form.key();
            api.getComponents().addSchemas(branchName, branch);
            mapping.put(form.key(), "#/components/schemas/" + branchName);
            branches.add(new Schema<>().$ref("#/components/schemas/" + branchName));
        }
        var discriminated = new Schema<>().oneOf(branches).discriminator(
                new io.swagger.v3.oas.models.media.Discriminator().propertyName("formKey").mapping(mapping));
        discriminated.setDescription("按模板（formKey）区分，document 为该模板的文档");
        api.getComponents().addSchemas(name, discriminated);
    }

    private static String name(FormDefinition form) {
        return DOCUMENT + "-" + form.key();
    }
}
