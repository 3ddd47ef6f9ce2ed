package cn.perftarget.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.perftarget.files.BatchImports;
import cn.perftarget.files.ImportJobView;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/** Batch import of official-layout xlsx files (multipart field {@code files}); the job is polled by its id. */
@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/imports")
class ImportController {

    private final BatchImports imports;

    ImportController(BatchImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "批量导入 xlsx 申报表",
            description = "主管部门审核人或财政审核人以 multipart/form-data 上传多份官方格式的 xlsx（表单字段 files，formKey 默认 "
            + "dept-overall）。立即返回导入任务（202，Location 指向任务），随后逐个文件在后台导入：按部门和年度新建或更新草稿，"
            + "有误的文件不保存并列出出错的单元格。用 GET /api/imports/{id} 查看进度。")
    @ApiResponse(responseCode = "202", description = "已受理：导入任务，各文件为 PENDING，Location 指向任务")
    @ApiResponse(responseCode = "400", description = "没有上传文件、文件过多，或 formKey 不存在、没有官方版式、是批复后的跟踪表（errors 指出字段）")
    @ApiResponse(responseCode = "403", description = "只有主管部门审核人或财政审核人可以批量导入")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobView> start(Actor actor, @RequestParam(defaultValue = "dept-overall") String formKey,
                                        @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        var uploads = (files == null ? List.<MultipartFile>of() : files).stream()
                .map(f -> new BatchImports.Upload(f.getOriginalFilename(), bytes(f))).toList();
        var job = imports.start(actor, formKey, uploads);
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @Operation(summary = "查看导入任务",
            description = "导入任务的进度和每个文件的结果：CREATED、UPDATED（申报表编号和修订号）、FAILED（原因和出错的单元格）或仍为 PENDING。"
            + "只有上传者本人可以查看。")
    @ApiResponse(responseCode = "200", description = "导入任务及各文件的结果")
    @ApiResponse(responseCode = "404", description = "任务不存在，或不是当前用户上传的")
    @GetMapping("/{id}")
    ImportJobView get(Actor actor, @PathVariable String id) {
        return imports.job(actor, id);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
