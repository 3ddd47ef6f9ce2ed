package cn.perftarget.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

/**
 * The document endpoint in its other representations: GET by {@code Accept} (JSON, the official xlsx, the PDF;
 * {@code ?format=} for links), PUT of an xlsx (a JSON PUT stays with {@link DeclarationController}).
 */
@RestController
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

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, XLSX, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> get(Actor actor, @PathVariable long id,
                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
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
