package cn.perftarget.web.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.web.OpenApiConfiguration;

@RestController
@Tag(name = OpenApiConfiguration.FORMS)
@RequestMapping("/api/forms")
class FormController {

    static final String SCHEMA_JSON = "application/schema+json";

    private final FormDefinitions forms;

    FormController(FormDefinitions forms) {
        this.forms = forms;
    }

    record FormSummary(String key, int version, String title) {
    }

    @Operation(summary = "列出申报表模板", description = "每个模板的最新版本：key、版本号和标题。")
    @ApiResponse(responseCode = "200", description = "模板列表")
    @GetMapping
    List<FormSummary> list() {
        return forms.latestVersions().stream().map(f -> new FormSummary(f.key(), f.version(), f.title())).toList();
    }

    @Operation(summary = "查看模板定义", description = "模板最新版本的完整定义文件（字段、字典、规则），格式见 forms/README.md；带 year 时为该预算年度的申报所用的版本。")
    @ApiResponse(responseCode = "200", description = "模板定义")
    @ApiResponse(responseCode = "400", description = "year 不是整数（errors 指出参数名）")
    @ApiResponse(responseCode = "404", description = "模板不存在，或没有适用于该年度的版本")
    @GetMapping("/{key}")
    JsonNode get(@PathVariable String key, @RequestParam(required = false) Integer year) {
        var found = year == null ? forms.latest(key) : forms.forYear(key, year);
        return found.map(f -> f.source())
                .orElseThrow(() -> new DeclarationNotFoundException(year == null || !forms.exists(key)
                        ? "表单“" + key + "”不存在" : "表单“" + key + "”没有适用于" + year + "年的版本"));
    }

    @Operation(summary = "模板文档的 JSON Schema",
            description = "由模板定义生成的 JSON Schema（2020-12），客户端可在发送前自行检查文档：类型、"
            + "标题（label）、长度、取值范围、年份映射、不允许未知字段。默认为保存时的要求（任何值可省略或为 null）"
            + "；submission=true 时另含提交时的必填项。跨字段规则（合计、字典、指标值）不在其中，"
            + "以 POST .../validation 为准。")
    @ApiResponse(responseCode = "200", description = "JSON Schema（application/schema+json）")
    @ApiResponse(responseCode = "404", description = "模板或版本不存在")
    @GetMapping(path = "/{key}/schema", produces = {SCHEMA_JSON, "application/json"})
    JsonNode schema(@PathVariable String key, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "false") boolean submission) {
        return definition(key, version).jsonSchema(submission);
    }

    private FormDefinition definition(String key, Integer version) {
        if (version == null) {
            return forms.latest(key).orElseThrow(() -> new DeclarationNotFoundException("表单“" + key + "”不存在"));
        }
        return forms.find(key, version)
                .orElseThrow(() -> new DeclarationNotFoundException("表单“" + key + "”没有第 " + version + " 版"));
    }
}
