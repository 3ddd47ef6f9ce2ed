package cn.perftarget.web.api;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.FollowUpFiling;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.ListOrder;
import cn.perftarget.declaration.SubmissionResult;
import cn.perftarget.identity.Actor;
import cn.perftarget.validation.ValidationReport;
import cn.perftarget.web.OpenApiConfiguration;
import cn.perftarget.web.ProblemResponses;
import cn.perftarget.web.ProblemWriter;

@RestController
@Tag(name = OpenApiConfiguration.FILING)
@RequestMapping("/api/declarations")
class DeclarationController {

    private final DeclarationFiling filing;
    private final DeclarationSubmission submission;
    private final DeclarationQueries queries;
    private final BusinessTimers timers;

    private final FollowUpFiling followUps;

    DeclarationController(DeclarationFiling filing, DeclarationSubmission submission, DeclarationQueries queries,
                          BusinessTimers timers, FollowUpFiling followUps) {
        this.followUps = followUps;
        this.filing = filing;
        this.submission = submission;
        this.queries = queries;
        this.timers = timers;
    }

    record CreateRequest(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最多 100 个字符") String formKey,
            @Schema(description = "预算年度；新建跟踪表（带 basedOn）时不填，取所依据申报表的年度")
            @Min(value = 2000, message = "应在 2000 到 2100 之间")
            @Max(value = 2100, message = "应在 2000 到 2100 之间") Integer year,
            @Schema(description = "可选：本部门以前的一份申报表的编号，其绩效目标和指标作为新申报表的起点")
            @Min(value = 1, message = "应为申报表编号") Long copyFrom,
            @Schema(description = "新建跟踪表（formKey 为 monitoring 或 self-evaluation）时必填：本单位一份已批复申报表的编号，"
                    + "跟踪表的部门、年度取自它，文档按其批复版本的绩效指标预填（目标值只读）")
            @Min(value = 1, message = "应为申报表编号") Long basedOn,
            @Schema(description = "绩效运行监控（monitoring）必填：监控期间的起止月份，如 01-07（1–7月）；自评不填",
                    example = "01-07")
            @Size(max = 5, message = "最多 5 个字符") String period) {
    }

    record SubmissionResponse(@JsonUnwrapped DeclarationView declaration, ValidationReport report) {
    }

    @Operation(summary = "新建申报表", description = "填报人为本部门新建某年度的申报表（草稿，修订号 1），文档按模板预填部门和年度；"
            + "带 copyFrom（本部门以前的一份申报表的编号）时，其绩效目标和指标作为新申报表的起点。"
            + "带 basedOn（本单位一份已批复申报表的编号）时新建批复后的跟踪表：formKey 为 monitoring（绩效运行监控，须带 period，"
            + "如 01-07）或 self-evaluation（绩效自评，不带 period），不填 year；跟踪表是一份独立的申报表，有自己的模板和审核流程"
            + "（MonitoringApproval、SelfEvaluationApproval），部门和年度取自所依据的申报表，文档按其批复版本的绩效指标预填"
            + "（目标值只读），之后的保存、校验、提交、审核与申报表相同。响应带 Location 和 ETag。")
    @ApiResponse(responseCode = "201", description = "已新建：Location 指向新申报表，ETag 为修订号")
    @ApiResponse(responseCode = "400", description = "formKey、year、copyFrom 或 period 无效，模板不存在，"
            + "或模板不能依据 basedOn 新建（errors 指出字段）")
    @ApiResponse(responseCode = "403", description = "只有填报人可以新建")
    @ApiResponse(responseCode = "404", description = "copyFrom 或 basedOn 所指的申报表不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "本部门该年度（模板的唯一键）已有申报表，或同一申报表（和监控期间）已有跟踪表："
            + "existing 指出是哪一份；或 basedOn 所指的申报表尚未批复",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, examples = @ExampleObject(
                    name = "duplicate-declaration", summary = "申报表已存在",
                    description = "existing 指出已占用唯一键的申报表", value = ProblemResponses.DUPLICATE_EXAMPLE)))
    @PostMapping
    ResponseEntity<DeclarationView> create(Actor actor, @Valid @RequestBody CreateRequest request) {
        var created = request.basedOn() != null ? createFollowUp(actor, request) : createOwn(actor, request);
        return ResponseEntity.created(URI.create("/api/declarations/" + created.id()))
                .eTag(Integer.toString(created.revision()))
                .body(created);
    }

    private DeclarationView createFollowUp(Actor actor, CreateRequest request) {
        if (request.year() != null || request.copyFrom() != null) {
            throw InvalidRequestException.of(request.year() != null ? "/year" : "/copyFrom", "request.follow-up",
                    (request.year() != null ? "year" : "copyFrom") + "：跟踪表的年度和内容取自 basedOn 所指的申报表，不能另行指定");
        }
        return followUps.create(actor, request.formKey(), request.basedOn(), request.period());
    }

    private DeclarationView createOwn(Actor actor, CreateRequest request) {
        if (request.year() == null) {
            throw InvalidRequestException.of("/year", "request.required", "year：不能为空");
        }
        if (request.period() != null) {
            throw InvalidRequestException.of("/period", "request.period", "period：只有依据已批复申报表（basedOn）的绩效运行监控才有监控期间");
        }
        return filing.create(actor, request.formKey(), request.year(), request.copyFrom());
    }

    @Operation(summary = "列出申报表", description = "当前用户可见的申报表（填报人和主管部门只看本部门），可按状态和年度筛选；"
            + "分页（page 从 0 开始，size 默认 50、最多 500），按编号降序（最新的在前）。响应体为本页的数组，X-Total-Count 为总条数，"
            + "Link 给出 first/prev/next/last 页的地址（保留其他查询参数）。")
    @ApiResponse(responseCode = "200", description = "本页申报表（按编号降序，最新的在前）", headers = {
            @Header(name = PagedResponses.TOTAL_COUNT, description = PagedResponses.TOTAL_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = HttpHeaders.LINK, description = PagedResponses.LINK_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "参数无效：page 小于 0 或不是整数，size 不在 1 到 500 之间，status 或 year 无效"
            + "（errors 指出参数）")
    @GetMapping
    ResponseEntity<List<DeclarationView>> list(Actor actor, @RequestParam(required = false) DeclarationStatus status,
                               @RequestParam(required = false) Integer year,
                               @Parameter(description = PagedResponses.PAGE_DESCRIPTION)
                               @RequestParam(defaultValue = "0") @Min(value = 0, message = PagedResponses.PAGE_MESSAGE)
                               int page,
                               @Parameter(description = PagedResponses.SIZE_DESCRIPTION)
                               @RequestParam(defaultValue = "50") @Min(value = 1, message = PagedResponses.SIZE_MESSAGE)
                               @Max(value = 500, message = PagedResponses.SIZE_MESSAGE) int size,
                               HttpServletRequest request) {
        return PagedResponses.of(queries.page(actor, status, year, ListOrder.NEWEST, page, size), request);
    }

    @Operation(summary = "查看申报表", description = "一份申报表及其文档；ETag 为当前修订号，保存时作为 If-Match。"
            + "followUps 列出依据它新建的跟踪表（绩效运行监控、绩效自评：id、formKey、period、status），没有时为空数组；"
            + "跟踪表本身带 basedOn（所依据申报表的编号）。")
    @ApiResponse(responseCode = "200", description = "申报表，ETag 为修订号")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/{id}")
    ResponseEntity<DeclarationView> get(Actor actor, @PathVariable long id) {
        return withEtag(queries.get(actor, id));
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
    @PutMapping("/{id}/document")
    ResponseEntity<DeclarationView> save(Actor actor, @PathVariable long id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestBody JsonNode document) {
        return withEtag(filing.saveDocument(actor, id, ifMatch, document));
    }

    @Operation(summary = "校验申报表", description = "按模板的全部规则校验当前文档并返回报告，不改变申报表。")
    @ApiResponse(responseCode = "200", description = "校验报告：valid、errors、warnings")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @PostMapping("/{id}/validation")
    ValidationReport validate(Actor actor, @PathVariable long id) {
        return filing.validate(actor, id);
    }

    @Operation(summary = "提交申报表", description = "本部门填报人提交草稿或已退回的申报表：先自动校验，通过则进入主管部门审核，未通过仍为草稿并返回 422 和报告。")
    @ApiResponse(responseCode = "200", description = "已提交：申报表的新状态和校验报告（可能含警告）",
            content = @Content(schema = @Schema(implementation = SubmissionResponse.class)))
    @ApiResponse(responseCode = "403", description = "只有本部门填报人可以提交")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "当前状态不能提交")
    @ApiResponse(responseCode = "422", description = "未通过校验，申报表状态不变")
    @PostMapping("/{id}/submission")
    ResponseEntity<?> submit(Actor actor, @PathVariable long id) {
        var result = timers.submission(() -> submission.submit(actor, id), SubmissionResult::accepted);
        if (!result.accepted()) {
            var problem = ProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, "申报表未通过校验",
                    "申报表有 " + result.report().errors().size() + " 项错误，仍为“"
                            + result.declaration().status().label() + "”，请修改后再提交", "validation-failed");
            problem.setProperty("valid", false);
            problem.setProperty("errors", result.report().errors());
            problem.setProperty("warnings", result.report().warnings());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        return ResponseEntity.ok()
                .eTag(Integer.toString(result.declaration().revision()))
                .body(new SubmissionResponse(result.declaration(), result.report()));
    }

    @Operation(summary = "撤回申报表", description = "本部门填报人撤回尚无人审核的提交，申报表回到草稿。")
    @ApiResponse(responseCode = "200", description = "已撤回，状态为草稿")
    @ApiResponse(responseCode = "403", description = "只有本部门填报人可以撤回")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "已有审核人处理，或当前状态不能撤回")
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<DeclarationView> withdraw(Actor actor, @PathVariable long id) {
        return withEtag(submission.withdraw(actor, id));
    }

    @Operation(summary = "调整已批复的申报表", description = "本部门填报人重新打开已批复的申报表以作调整；已批复的修订仍可通过 approvedRevision 查看。")
    @ApiResponse(responseCode = "200", description = "可再次编辑")
    @ApiResponse(responseCode = "403", description = "只有本部门填报人可以调整")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表尚未批复")
    @PostMapping("/{id}/adjustment")
    ResponseEntity<DeclarationView> adjust(Actor actor, @PathVariable long id) {
        return withEtag(submission.openAdjustment(actor, id));
    }

    static ResponseEntity<DeclarationView> withEtag(DeclarationView view) {
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }
}
