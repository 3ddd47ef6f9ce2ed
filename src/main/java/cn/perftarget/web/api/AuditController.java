package cn.perftarget.web.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditAnchor;
import cn.perftarget.audit.AuditAnchors;
import cn.perftarget.audit.AuditFilter;
import cn.perftarget.audit.AuditPage;
import cn.perftarget.audit.AuditQueries;
import cn.perftarget.audit.AuditVerifier;
import cn.perftarget.audit.ChainVerification;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.EventWords;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.LocalTimes;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.web.OpenApiConfiguration;

/**
 * Auditors' search, CSV export, chain verification and anchors of the chain heads. Nobody else may read across declarations. The constraints on
 * {@code page} and {@code size} are checked by Spring MVC itself (no class-level {@code @Validated}, whose proxy
 * would throw a ConstraintViolationException that no handler maps to 400).
 */
@RestController
@Tag(name = OpenApiConfiguration.AUDIT)
@RequestMapping("/api/audit")
class AuditController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditAnchors anchors;
    private final ZoneId zone;

    private final EventWords words;
    private final LocalTimes times;

    AuditController(AuditQueries queries, AuditVerifier verifier, AuditAnchors anchors, DeadlineProperties deadlines,
                    EventWords words, LocalTimes times) {
        this.words = words;
        this.times = times;
        this.queries = queries;
        this.verifier = verifier;
        this.anchors = anchors;
        this.zone = deadlines.zone();
    }

    @Operation(summary = "查询或导出操作记录",
            description = "审计人员按部门、年度、操作人、操作和时间范围查询操作记录（分页）；Accept: text/csv 时导出 CSV（UTF-8 带 BOM，"
            + "中文表头和标签），导出本身也会被记录。")
    @ApiResponse(responseCode = "200", description = "一页操作记录，或 CSV 文件")
    @ApiResponse(responseCode = "400", description = "参数无效（时间格式、分页过大等）")
    @ApiResponse(responseCode = "403", description = "只有审计人员可以查询")
    @GetMapping("/events")
    AuditEventView.Page events(Actor actor, @RequestParam(required = false) String department,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(name = "actor", required = false) String who,
                     @RequestParam(required = false) AuditAction action,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
                     @RequestParam(defaultValue = "50") @Min(value = 1, message = "应在 1 到 500 之间")
                     @Max(value = 500, message = "应在 1 到 500 之间") int size) {
        requireAuditor(actor);
        if ((long) page * size > Integer.MAX_VALUE) {
            // The database takes the offset of a page as an int.
            throw InvalidRequestException.of("page", "request.page", "参数“page”的值“" + page + "”过大：page × size 不能超过 "
                    + Integer.MAX_VALUE);
        }
        AuditPage found = queries.search(filter(department, year, who, action, from, to), page, size);
        var reading = words.reading();
        return new AuditEventView.Page(found.items().stream().map(e -> AuditEventView.of(e, reading)).toList(),
                found.total());
    }

    @Operation(summary = "查询或导出操作记录",
            description = "审计人员按部门、年度、操作人、操作和时间范围查询操作记录（分页）；Accept: text/csv 时导出 CSV（UTF-8 带 BOM，"
            + "中文表头；人员、角色、部门、状态和详情用中文名称；时间为北京时间并带时区偏移，如 2026-12-05T15:41:31+08:00），导出本身也会被记录。")
    @ApiResponse(responseCode = "200", description = "一页操作记录，或 CSV 文件",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "参数无效（时间格式、分页过大等）")
    @ApiResponse(responseCode = "403", description = "只有审计人员可以查询")
    @GetMapping(path = "/events", produces = "text/csv")
    ResponseEntity<byte[]> export(Actor actor, @RequestParam(required = false) String department,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(name = "actor", required = false) String who,
                                  @RequestParam(required = false) AuditAction action,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireAuditor(actor);
        var csv = new AuditCsv(times::withOffset);
        var reading = words.reading();
        queries.export(filter(department, year, who, action, from, to), actor.username(), actor.role().name(),
                e -> csv.add(AuditEventView.of(e, reading)));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "校验哈希链", description = "逐份申报表校验操作记录的 SHA-256 哈希链，报告是否完整及断在何处。")
    @ApiResponse(responseCode = "200", description = "校验结果")
    @ApiResponse(responseCode = "403", description = "只有审计人员可以校验")
    @GetMapping("/verify")
    ChainVerification verify(Actor actor) {
        requireAuditor(actor);
        return verifier.verify();
    }

    /** The latest anchor of the chain heads; the first call writes one. */
    @Operation(summary = "查看最新的审计锚定",
            description = "最近一次锚定：当时每条哈希链的长度和链头哈希，以及用锚定密钥所作的签名；"
            + "之后若有人改写或截短操作记录，/api/audit/verify 会据此报告。尚无锚定时先写入一份。")
    @ApiResponse(responseCode = "200", description = "最新的锚定：time、chains（declaration、length、hash）、signature")
    @ApiResponse(responseCode = "403", description = "只有审计人员可以查看")
    @ApiResponse(responseCode = "409", description = "尚无锚定，而锚定文件的签名不符，未写入新的锚定")
    @GetMapping("/anchor")
    AuditAnchor anchor(Actor actor) {
        requireAuditor(actor);
        return anchors.latest().orElseGet(() -> anchorNow(actor));
    }

    /** Anchors the chain heads now. */
    @Operation(summary = "立即锚定哈希链",
            description = "立即为每条哈希链的当前长度和链头哈希写入一份签名锚定，并返回它。锚定文件本身被改动时拒绝写入。")
    @ApiResponse(responseCode = "200", description = "新写入的锚定：time、chains（declaration、length、hash）、signature")
    @ApiResponse(responseCode = "403", description = "只有审计人员可以锚定")
    @ApiResponse(responseCode = "409", description = "锚定文件的签名不符，未写入新的锚定（先查明锚定文件为何被改动）")
    @PostMapping("/anchor")
    AuditAnchor anchorNow(Actor actor) {
        requireAuditor(actor);
        return anchors.anchorNow().orElseThrow(() -> new StatusConflictException(
                "审计锚定文件的签名不符，未写入新的锚定：请先查明锚定文件为何被改动（/api/audit/verify 报告此问题）"));
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.is(Role.AUDITOR)) {
            throw new ActionForbiddenException("审计记录只对审计人员开放，当前用户角色为“" + actor.role().label() + "”");
        }
    }

    private AuditFilter filter(String department, Integer year, String actor, AuditAction action, String from, String to) {
        return new AuditFilter(blankToNull(department), year, blankToNull(actor), action, instant("from", from),
                instant("to", to));
    }

    /** An instant (2026-11-26T08:00:00Z), a local date-time or a date (start of that day) in the deadline zone. */
    private Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            if (text.contains("T")) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(name, "request.time", "参数“" + name + "”的值“" + text
                    + "”不是时间：应为 2026-11-26、2026-11-26T08:00:00 或 2026-11-26T08:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
