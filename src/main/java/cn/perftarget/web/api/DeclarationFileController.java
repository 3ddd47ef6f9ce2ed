package cn.perftarget.web.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.files.DeclarationFiles;
import cn.perftarget.files.FileContent;
import cn.perftarget.identity.Actor;
import cn.perftarget.web.OpenApiConfiguration;

/**
 * The document endpoint in its other representations: GET by {@code Accept} (JSON, the official xlsx, the PDF;
 * {@code ?format=} for links), PUT of an xlsx (a JSON PUT stays with {@link DeclarationController}).
 */
@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/declarations/{id}/document")
class DeclarationFileController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);

    private final DeclarationFiles files;
    private final DeclarationQueries queries;

    DeclarationFileController(DeclarationFiles files, DeclarationQueries queries) {
        this.files = files;
        this.queries = queries;
    }

    @Operation(summary = "下载申报表文档（JSON、xlsx 或 PDF）",
            description = "按 Accept 给出同一份文档的三种形式：application/json 为文档本身；"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 为官方格式的 xlsx 申报表；"
            + "application/pdf 为可打印的 PDF（含审核意见）。?format=json|xlsx|pdf 优先于 Accept，便于链接。ETag 为修订号。")
    @ApiResponse(responseCode = "200", description = "文档；xlsx 和 PDF 带 Content-Disposition 文件名", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Document")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "format 不是 json、xlsx 或 pdf（errors 指出参数名）")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, XLSX, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> get(Actor actor, @PathVariable long id,
                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                          @Parameter(description = "文档形式，优先于 Accept",
                                  schema = @Schema(allowableValues = {"json", "xlsx", "pdf"}))
                          @RequestParam(required = false) String format) {
        MediaType type = chosen(accept, format);
        if (type.equals(MediaType.APPLICATION_JSON)) {
            var view = queries.get(actor, id);
            return ResponseEntity.ok().eTag(Integer.toString(view.revision()))
                    .contentType(MediaType.APPLICATION_JSON).body(view.document());
        }
        FileContent file = type.equals(XLSX_TYPE) ? files.xlsx(actor, id) : files.pdf(actor, id);
        return ResponseEntity.ok().eTag(Integer.toString(file.revision())).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    @Operation(summary = "保存申报表文档",
            description = "本部门填报人保存草稿或已退回的申报表，生成新修订。If-Match 须为当前修订号（强 ETag）。请求体为 JSON 文档"
            + "（结构见 GET /api/forms/{formKey}/schema），或官方格式的 xlsx（Content-Type: "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）；表格有误时 400 的 errors 逐项指出单元格，"
            + "不保存任何修改。保存时只检查结构，必填项和校验规则在提交时检查。")
    @ApiResponse(responseCode = "200", description = "已保存：新修订号在 ETag 和 revision 中")
    @ApiResponse(responseCode = "400", description = "文档结构不符合模板，或表格内容无效（errors 指出每个字段或单元格）")
    @ApiResponse(responseCode = "403", description = "只有本部门填报人可以修改")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "当前状态不能修改，他人正在同时修改，或保存后会与另一份申报表的唯一键（如项目名称）重复")
    @ApiResponse(responseCode = "412", description = "If-Match 不是当前修订号，或为弱 ETag（W/）")
    @ApiResponse(responseCode = "428", description = "缺少 If-Match，或为 *（须给出具体的修订号）")
    @PutMapping(consumes = XLSX)
    ResponseEntity<DeclarationView> put(Actor actor, @PathVariable long id,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @RequestBody byte[] xlsx) {
        return DeclarationController.withEtag(files.saveXlsx(actor, id, ifMatch, xlsx));
    }

    private static MediaType chosen(String accept, String format) {
        if (format != null) {
            return switch (format) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "xlsx" -> XLSX_TYPE;
                case "pdf" -> MediaType.APPLICATION_PDF;
                default -> throw InvalidRequestException.of("format", "request.parameter",
                        "参数“format”的值“" + format + "”无效：应为 json、xlsx 或 pdf");
            };
        }
        List<MediaType> accepted = accept == null || accept.isBlank() ? List.of(MediaType.ALL) : MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(accepted);
        for (MediaType candidate : accepted) {
            if (candidate.getQualityValue() == 0) {
                continue;
            }
            for (MediaType ours : List.of(MediaType.APPLICATION_JSON, XLSX_TYPE, MediaType.APPLICATION_PDF)) {
                if (candidate.includes(ours)) {
                    return ours;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
