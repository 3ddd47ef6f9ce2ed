package cn.perftarget.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the description say what the server does, for every operation, including ones added later: request bodies
 * as strict as the server reads them (no unknown fields, required text not empty, ids from 1, a required body), a
 * CSV body as the text it is, the two answers of a create that also imports CSV, and links from a new declaration
 * to what a client does with it next (stateful testers and generated clients follow them).
 */
@Component
class ContractSchemas implements OpenApiCustomizer {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> POSITIVE_IDS = Set.of("id", "number", "copyFrom");
    /** A create that also takes CSV: the JSON create answers the one, the import the list. */
    private static final Map<String, List<String>> CREATE_OR_IMPORT = Map.of(
            "/api/admin/units", List.of("Unit", "ImportedUnit"), "/api/admin/users", List.of("UserView", "ImportedUserView"));

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        var schemas = api.getComponents().getSchemas();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            parameters(operation);
            body(operation, schemas);
            var pair = CREATE_OR_IMPORT.get(path);
            if (pair != null && method == PathItem.HttpMethod.POST) {
                createOrImport(operation, pair, schemas);
            }
        }));
        links(api);
    }

    private static void parameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (var parameter : operation.getParameters()) {
            var schema = parameter.getSchema();
            if (schema != null && POSITIVE_IDS.contains(parameter.getName()) && isType(schema, "integer")
                    && schema.getMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.ONE);
            }
            if ("size".equals(parameter.getName()) && "query".equals(parameter.getIn())) {
                parameter.setDescription((parameter.getDescription() == null ? "每页条数（1–500）" : parameter.getDescription())
                        + "；page × size 不得超过 2147483647（否则 400，errors 指出 page）");
            }
        }
    }

    private static void body(Operation operation, Map<String, Schema> schemas) {
        var body = operation.getRequestBody();
        if (body == null || body.getContent() == null) {
            return;
        }
        // The server answers 400 to a missing body of every operation that declares one (multipart included).
        body.setRequired(true);
        body.getContent().forEach((type, media) -> {
            if (type.startsWith("text/csv")) {
                media.setSchema(new Schema<>().types(Set.of("string")).minLength(1)
                        .description("CSV 文本（UTF-8，可带 BOM），第 1 行为表头"));
            } else if (type.contains("json") && media.getSchema() != null && media.getSchema().get$ref() != null) {
                strict(schemas.get(media.getSchema().get$ref().substring(SCHEMAS.length())));
            }
        });
    }

    /** As Jackson reads a request: unknown fields refused, and required text must not be empty. */
    private static void strict(Schema<?> schema) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        schema.setAdditionalProperties(false);
        var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) && isType(property, "string") && property.getMinLength() == null
                    && property.getEnum() == null) {
                property.setMinLength(1);
            }
            if (POSITIVE_IDS.contains(name) && isType(property, "integer") && property.getMinimum() == null) {
                property.setMinimum(java.math.BigDecimal.ONE);
            }
        });
    }

    private static void createOrImport(Operation operation, List<String> pair, Map<String, Schema> schemas) {
        var created = operation.getResponses() == null ? null : operation.getResponses().get("201");
        if (created == null || created.getContent() == null) {
            return;
        }
        var one = schemas.get(pair.get(0));
        var many = schemas.get(pair.get(1));
        if (one != null && one.getRequired() == null) {
            one.setRequired(List.copyOf(one.getProperties().keySet()));
        }
        if (many != null) {
            many.setRequired(List.of("count", "items"));
        }
        created.setDescription("已新增（JSON 请求体：新建的一项）或已导入（CSV 请求体：count 与各项）");
        created.getContent().put("application/json", new MediaType().schema(new Schema<>().oneOf(List.of(
                new Schema<>().$ref(SCHEMAS + pair.get(0)), new Schema<>().$ref(SCHEMAS + pair.get(1))))));
    }

    /** From a new declaration to reading, saving, submitting and deciding on it: each takes its id. */
    private static void links(OpenAPI api) {
        var create = api.getPaths().get("/api/declarations");
        var created = create == null || create.getPost() == null || create.getPost().getResponses() == null ? null
                : create.getPost().getResponses().get("201");
        if (created == null) {
            return;
        }
        Map<String, String> next = Map.of(
                "GetDeclaration", "#/paths/~1api~1declarations~1{id}/get",
                "SaveDocument", "#/paths/~1api~1declarations~1{id}~1document/put",
                "Submit", "#/paths/~1api~1declarations~1{id}~1submission/post",
                "Decide", "#/paths/~1api~1declarations~1{id}~1decision/post");
        next.forEach((name, ref) -> created.link(name, new Link().operationRef(ref)
                .parameters("id", "$response.body#/id").description("新申报表的编号 id")));
    }

    private static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains(type);
    }
}
