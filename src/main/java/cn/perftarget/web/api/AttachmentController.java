package cn.perftarget.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.perftarget.attachment.AttachmentStore;
import cn.perftarget.declaration.AttachedFile;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/** A declaration's files (附件): multipart upload, list, download, removal. */
@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/declarations/{id}/attachments")
class AttachmentController {

    private final AttachmentStore store;

    AttachmentController(AttachmentStore store) {
        this.store = store;
    }

    @Operation(summary = "上传附件",
            description = "本单位填报人在草稿或已退回时以 multipart/form-data 上传一个文件（部分 file）并选择类别（部分 kind，"
            + "为模板列出的附件类别之一，如 测算依据）。文件类型按内容识别（与扩展名无关）：PDF、Excel（xlsx/xls）、Word（docx/doc）、"
            + "JPG/PNG 图片、OFD；单个文件和每份申报表的附件总量有上限（默认 20 MB 和 100 MB）。附件记入当前修订（当前修订已提交时"
            + "先生成新修订），以 SHA-256 保存，并记入审计链。被拒绝时不保存任何内容。")
    @ApiResponse(responseCode = "201", description = "已保存：附件的编号、文件名、类别、大小、类型、SHA-256 和所属修订号；Location 指向下载地址")
    @ApiResponse(responseCode = "400", description = "kind 不是模板的附件类别，缺少 file，空文件，或文件内容不是允许的类型（errors 指出 kind 或 file，说明中写出文件名）")
    @ApiResponse(responseCode = "403", description = "只有本单位填报人可以上传附件")
    @ApiResponse(responseCode = "404", description = "申报表不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表当前状态不能修改（已提交、已批复等）")
    @ApiResponse(responseCode = "413", description = "文件超过单个附件上限，或本申报表附件总量超过上限（说明中写出文件名）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachedFile> upload(Actor actor, @PathVariable long id,
                                        @Parameter(description = "附件类别，为模板列出的类别之一，如 测算依据")
                                        @RequestPart("kind") String kind,
                                        @Parameter(description = "要上传的文件")
                                        @RequestPart("file") MultipartFile file) {
        var saved = store.upload(actor, id, kind, file.getOriginalFilename(), bytes(file));
        return ResponseEntity.created(URI.create("/api/declarations/" + id + "/attachments/" + saved.id())).body(saved);
    }

    @Operation(summary = "附件列表",
            description = "当前修订的附件，按上传先后；带 revision 时为该修订的附件（已提交的修订保留提交时的附件，之后在退回的草稿中删除不影响它）。"
            + "能查看申报表的人都能查看。")
    @ApiResponse(responseCode = "200", description = "附件列表")
    @ApiResponse(responseCode = "404", description = "申报表或修订不存在，或无权查看")
    @GetMapping
    List<AttachedFile> list(Actor actor, @PathVariable long id,
                            @Parameter(description = "修订号；省略时为当前修订") @RequestParam(required = false) Integer revision) {
        return store.list(actor, id, revision);
    }

    @Operation(summary = "下载附件",
            description = "附件的原始内容，Content-Type 为按内容识别的类型，Content-Disposition 带原文件名（RFC 5987 filename*，UTF-8），"
            + "X-Content-SHA256 为 SHA-256。任一修订列出的附件都可下载；能查看申报表的人都能下载。")
    @ApiResponse(responseCode = "200", description = "文件内容", content = @Content(mediaType = "*/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "申报表或附件不存在，或无权查看")
    @GetMapping(value = "/{attachmentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        var file = store.download(actor, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.name()))
                .header("X-Content-SHA256", file.sha256())
                .body(file.content());
    }

    @Operation(summary = "删除附件",
            description = "本单位填报人在草稿或已退回时把附件从当前修订中删除（当前修订已提交时先生成新修订）；之前的修订仍列出它。记入审计链。")
    @ApiResponse(responseCode = "204", description = "已删除")
    @ApiResponse(responseCode = "403", description = "只有本单位填报人可以删除附件")
    @ApiResponse(responseCode = "404", description = "申报表不存在或无权查看，或当前修订没有这个附件")
    @ApiResponse(responseCode = "409", description = "申报表当前状态不能修改（已提交、已批复等）")
    @DeleteMapping("/{attachmentId}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        store.remove(actor, id, attachmentId);
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<the name>} (RFC 6266 / 5987): browsers
     * take the UTF-8 name, old clients the stand-in with every non-ASCII character as an underscore.
     */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
