package cn.perftarget.web.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.identity.Actor;
import cn.perftarget.process.ProcessAdministration;
import cn.perftarget.web.OpenApiConfiguration;

/** Review chains as process models an administrator deploys (BPMN/DMN), checked first; the versions in use. */
@RestController
@Tag(name = OpenApiConfiguration.ADMIN)
@RequestMapping("/api/admin/processes")
class ProcessAdminController {

    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_.-]{1,100}\\.(bpmn|dmn)");

    private final ProcessAdministration processes;

    ProcessAdminController(ProcessAdministration processes) {
        this.processes = processes;
    }

    @Operation(summary = "部署流程模型", description = "上传 BPMN（或 DMN）模型（Content-Type: application/xml），检查通过后部署为新版本："
            + "每个审核环节的 status、reviewers、outcomes、grade 有效，表达式只用系统提供的 bean 和变量，每条路径都能到达结束事件，"
            + "状态代码不与固定状态冲突。模型有误时返回 400，errors 逐条指出元素 id 和问题，不部署任何内容。"
            + "进行中的申报表按其开始时的版本办完，新一轮申报使用最新版本。")
    @ApiResponse(responseCode = "201", description = "已部署：{key, name, version, unchanged}")
    @ApiResponse(responseCode = "400", description = "模型有误（errors[].path 为元素 id），未部署")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以部署")
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<ProcessAdministration.Deployed> deploy(
            Actor actor,
            @Parameter(description = "文件名（如 FourLevelApproval.bpmn；.dmn 为决策表），缺省时取模型中流程的 id")
            @RequestParam(required = false) String name,
            @RequestBody(required = false) byte[] xml) {
        if (xml == null || xml.length == 0) {
            processes.list(actor);
            throw InvalidRequestException.of("", "process.model", "请求体为空：请上传 BPMN 或 DMN 模型的 XML");
        }
        String fileName = name == null || name.isBlank() ? defaultName(xml) : name.strip();
        if (!FILE_NAME.matcher(fileName).matches()) {
            processes.list(actor);
            throw InvalidRequestException.of("name", "request.parameter", "文件名“" + fileName
                    + "”无效：应由字母、数字、下划线、点或连字符组成，以 .bpmn 或 .dmn 结尾");
        }
        var deployed = processes.deploy(actor, fileName, xml);
        return ResponseEntity.status(deployed.unchanged() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/admin/processes/" + deployed.key() + "/versions/" + deployed.version()))
                .body(deployed);
    }

    /** The process id in the XML, for the resource name Camunda needs; the check names a missing one. */
    private static String defaultName(byte[] xml) {
        var text = new String(xml, 0, Math.min(xml.length, 20000), java.nio.charset.StandardCharsets.UTF_8);
        boolean decision = text.contains("dmn/20") || text.contains("DMN/20");
        var matcher = java.util.regex.Pattern.compile(decision ? "<(?:\\w+:)?decision[^>]*\\sid=\"([^\"]+)\""
                : "<(?:\\w+:)?process[^>]*\\sid=\"([^\"]+)\"").matcher(text);
        String id = matcher.find() ? matcher.group(1).replaceAll("[^A-Za-z0-9_.-]", "_") : "model";
        return id + (decision ? ".dmn" : ".bpmn");
    }

    @Operation(summary = "流程模型列表", description = "每个流程（key）的全部版本（新的在前）、部署时间和来源、使用它的申报表模板，"
            + "以及在每个版本上进行中的申报表。")
    @ApiResponse(responseCode = "200", description = "流程列表")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以查看")
    @GetMapping
    List<ProcessAdministration.ProcessSummary> list(Actor actor) {
        return processes.list(actor);
    }

    @Operation(summary = "某一版本的流程模型", description = "部署时的 BPMN XML，可在 Camunda Modeler 中打开修改后再上传。")
    @ApiResponse(responseCode = "200", description = "BPMN XML")
    @ApiResponse(responseCode = "400", description = "版本号无效（从 1 开始）")
    @ApiResponse(responseCode = "403", description = "只有系统管理员可以查看")
    @ApiResponse(responseCode = "404", description = "没有这个流程或版本")
    @GetMapping(value = "/{key}/versions/{version}", produces = MediaType.APPLICATION_XML_VALUE)
    String model(Actor actor, @PathVariable String key, @PathVariable int version) {
        return processes.model(actor, key, version);
    }
}
