package cn.perftarget.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The error side of every operation: the ProblemDetail schema with our extra members, the responses every operation
 * can give (401, 406, 500; 400, 413 and 415 where there is input), and for each error status an
 * {@code application/problem+json} body with an example (the controller's own example when it gives one, e.g.
 * {@link #DUPLICATE_EXAMPLE}). The controllers only name their own statuses.
 */
@Component
public class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "ProblemDetail";
    private static final String FINDING = "Finding";

    /** The 409 of a taken uniqueness key, for the operations that can give it (instead of the general 409 example). */
    public static final String DUPLICATE_EXAMPLE = """
            {"type": "urn:perftarget:problem:duplicate-declaration", "title": "申报表已存在", "status": 409,
             "detail": "黄陂区大数据中心 2026 年度已有一份“部门整体支出绩效目标申报表”：申报表 42（草稿）。同一部门、年度只能有一份申报表，请继续办理这份申报表",
             "instance": "/api/declarations",
             "existing": {"id": 42, "status": "DRAFT", "statusLabel": "草稿", "href": "/api/declarations/42"}}""";

    /** Status → (description when the operation gives none, example title, example detail, problem type). */
    private static final Map<String, List<String>> KNOWN = Map.ofEntries(
            Map.entry("400", List.of("请求无效：`errors` 逐项列出字段（JSON Pointer）和原因", "请求内容无效",
                    "year：应在 2000 到 2100 之间，实际为“1999”", "invalid-request")),
            Map.entry("401", List.of("未认证：缺少用户名和密码，或密码错误", "未认证", "请使用 HTTP Basic 提供用户名和密码",
                    "unauthenticated")),
            Map.entry("403", List.of("无权操作：当前用户的角色不允许", "无权操作", "审计记录只对审计人员开放，当前用户角色为“填报人”",
                    "forbidden")),
            Map.entry("404", List.of("未找到，或当前用户无权查看", "未找到", "申报表 42 不存在或无权查看", "not-found")),
            Map.entry("406", List.of("无法按 Accept 给出响应", "无法提供所需格式", "不支持 Accept 所要求的格式",
                    "not-acceptable")),
            Map.entry("409", List.of("状态冲突：当前状态不允许此操作", "状态冲突", "申报表当前为“已批复”，不能修改",
                    "status-conflict")),
            Map.entry("412", List.of("修订号不一致：If-Match 不是当前修订号（响应的 ETag 和 currentRevision 给出当前修订号）",
                    "修订号不一致", "申报表已被修改，当前修订号为 3，请刷新后再保存", "stale-revision")),
            Map.entry("413", List.of("请求体超过上限", "请求体过大", "请求体超过上限 1048576 字节（1024 KiB）", "payload-too-large")),
            Map.entry("415", List.of("Content-Type 不受支持（应为 application/json）", "不支持的内容类型",
                    "不支持 Content-Type“text/plain”，应为 application/json", "unsupported-media-type")),
            Map.entry("422", List.of("未通过校验：申报表仍为草稿，`errors` 和 `warnings` 为校验报告", "申报表未通过校验",
                    "申报表有 2 项错误，仍为“草稿”，请修改后再提交", "validation-failed")),
            Map.entry("429", List.of("过于频繁：同一件事在限定时间内只能做一次（Retry-After 给出还需等待的秒数）", "催办过于频繁",
                    "“主管部门审核中”环节今天已经催办过，每个环节每天只能催办一次，请明天再试", "urge-too-soon")),
            Map.entry("428", List.of("缺少 If-Match 请求头", "缺少 If-Match", "保存申报表须带 If-Match 请求头（当前修订号）",
                    "if-match-required")),
            Map.entry("500", List.of("服务器内部错误：已记录日志，未保存任何修改", "服务器内部错误",
                    "服务器处理请求时出错，已记录日志，未保存任何修改", "internal-error")));

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(FINDING, finding()).addSchemas(PROBLEM, problem());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperationsMap().forEach(this::complete));
    }

    private void complete(io.swagger.v3.oas.models.PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<String> common = new java.util.ArrayList<>(List.of("401", "406", "500"));
        if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET) {
            // A write with the page session's cookie and without its CSRF token is refused whoever calls.
            common.addAll(List.of("400", "403"));
            responses.computeIfAbsent("403", c -> new ApiResponse().description(
                    "CSRF 令牌无效（以网页会话 Cookie 调用而未带页面的 CSRF 令牌），或当前用户无权操作"));
        }
        boolean hasInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> canBeMalformed(p.getSchema())));
        if (hasInput && !common.contains("400")) {
            common.add("400");
        }
        if (operation.getRequestBody() != null) {
            common.addAll(List.of("413", "415"));
        }
        common.forEach(code -> responses.computeIfAbsent(code, c -> new ApiResponse()));
        var sorted = new TreeMap<String, ApiResponse>(responses);
        var result = new ApiResponses();
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                describe(code, response);
            }
            result.addApiResponse(code, response);
        });
        operation.setResponses(result);
    }

    /** Any text is a valid string parameter; numbers, flags and enums can be written wrong (400). */
    private static boolean canBeMalformed(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() == null ? null : schema.getTypes().iterator().next();
        return !"string".equals(type) || schema.getEnum() != null;
    }

    private static void describe(String code, ApiResponse response) {
        var known = KNOWN.get(code);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(known == null ? "错误" : known.get(0));
        }
        var media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        var given = response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON);
        if (given != null && given.getExamples() != null && !given.getExamples().isEmpty()) {
            media.setExamples(given.getExamples());
        } else if (known != null) {
            var example = new LinkedHashMap<String, Object>();
            example.put("type", ProblemWriter.TYPE_PREFIX + known.get(3));
            example.put("title", known.get(1));
            example.put("status", Integer.parseInt(code));
            example.put("detail", known.get(2));
            example.put("instance", "/api/declarations/42");
            if (code.equals("400")) {
                example.put("errors", List.of(Map.of("path", "/year", "rule", "request.Max", "message", known.get(2))));
            }
            if (code.equals("422")) {
                example.put("valid", false);
                example.put("errors", List.of(Map.of("path", "/header/phone", "rule", "structure.required",
                        "message", "“基本信息/联系电话”为必填项")));
                example.put("warnings", List.of());
            }
            if (code.equals("412")) {
                example.put("currentRevision", 3);
            }
            media.addExamples(known.get(3), new Example().summary(known.get(1)).value(example));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private static Schema<?> problem() {
        return object("RFC 9457 问题详情，外加本系统的成员")
                .addProperty("type", string("问题类型，如 " + ProblemWriter.TYPE_PREFIX + "invalid-request").format("uri"))
                .addProperty("title", string("简短的中文标题"))
                .addProperty("status", integer("HTTP 状态码"))
                .addProperty("detail", string("中文说明，指出字段和原因"))
                .addProperty("instance", string("出错的请求路径（相对引用，RFC 9457 允许）").format("uri-reference"))
                .addProperty("errors", findings("输入错误或校验错误，每项一条"))
                .addProperty("warnings", findings("校验警告（仅提交未通过校验时，422）"))
                .addProperty("valid", new Schema<>().types(java.util.Set.of("boolean"))
                        .description("校验是否通过（仅提交未通过校验时，422，为 false）"))
                .addProperty("currentRevision", integer("当前修订号（仅 412）"))
                .addProperty("existing", object("已占用唯一键的资源（仅 409）：href 指向它；申报表另有 id、status、statusLabel")
                        .addProperty("href", string("已有资源的路径，如 /api/declarations/42、/api/admin/users/filer1")
                                .format("uri-reference"))
                        .addProperty("id", integer("申报表编号"))
                        .addProperty("status", string("申报表状态"))
                        .addProperty("statusLabel", string("申报表状态的中文名")));
    }

    private static Schema<?> finding() {
        return object("一个问题：文档或请求中的位置、规则编号、中文说明")
                .addProperty("path", string("JSON Pointer，如 /header/phone；整个文档为空串"))
                .addProperty("line", integer("CSV 导入时出错的行号（表头为第 1 行）"))
                .addProperty("cell", string("xlsx 中出错的单元格，如 绩效目标表!D17"))
                .addProperty("rule", string("稳定的规则编号，如 structure.required、funds.total-sum"))
                .addProperty("message", string("中文说明，指出字段和相关的值"))
                .addProperty("basis", nullableString("依据（可缺省）：规则所依据的文件或做法，如 财预〔2021〕101号、模板备注、通行做法；"
                        + "请求本身的问题（参数、JSON 格式）没有此项"))
                .addProperty("why", nullableString("为何值得注意（可缺省）：提示（warning）给出审核人关心它的原因；错误没有此项"));
    }

    // Optional members added after the first release: absent from the JSON when there is nothing to say.
    private static Schema<?> nullableString(String description) {
        return new Schema<>().types(java.util.Set.of("string", "null")).description(description);
    }

    private static Schema<?> findings(String description) {
        return new Schema<>().types(java.util.Set.of("array")).description(description)
                .items(new Schema<>().$ref("#/components/schemas/" + FINDING));
    }

    private static Schema<Object> object(String description) {
        return new Schema<>().types(java.util.Set.of("object")).description(description);
    }

    private static Schema<?> string(String description) {
        return new Schema<>().types(java.util.Set.of("string")).description(description);
    }

    private static Schema<?> integer(String description) {
        return new Schema<>().types(java.util.Set.of("integer")).description(description);
    }
}
