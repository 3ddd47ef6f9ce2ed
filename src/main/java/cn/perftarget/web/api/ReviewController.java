package cn.perftarget.web.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.ChangesSinceReview;
import cn.perftarget.review.DecisionCommand;
import cn.perftarget.review.DecisionView;
import cn.perftarget.review.FieldComment;
import cn.perftarget.review.Outcome;
import cn.perftarget.review.ReviewDecisions;
import cn.perftarget.review.ReviewRecords;
import cn.perftarget.review.ReviewTask;
import cn.perftarget.review.ReviewTasks;
import cn.perftarget.web.OpenApiConfiguration;

@RestController
@Tag(name = OpenApiConfiguration.REVIEW)
class ReviewController {

    private final ReviewTasks tasks;
    private final ReviewDecisions decisions;
    private final ReviewRecords records;
    private final BusinessTimers timers;

    ReviewController(ReviewTasks tasks, ReviewDecisions decisions, ReviewRecords records, BusinessTimers timers) {
        this.tasks = tasks;
        this.decisions = decisions;
        this.records = records;
        this.timers = timers;
    }

    record DecisionRequest(
            @NotNull(message = "不能为空")
            @Pattern(regexp = "approve|return|reject", message = "应为 approve、return 或 reject") String outcome,
            @Size(max = 4000, message = "最多 4000 个字") String comment,
            @Pattern(regexp = "[优良中差]", message = "应为 优、良、中、差 之一") String grade,
            @Size(max = 100, message = "最多 100 项")
            List<@NotNull(message = "不能为空") @Size(max = 500, message = "最多 500 个字符") String> fields,
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "应为审核环节的状态代码，如 DEPT_REVIEW")
            @Schema(description = "退回时可选：退回到本轮已经过的某个审核环节（其状态代码），而不是退回填报人") String returnTo) {
    }

    @Operation(summary = "我的待办", description = "等待当前审核人处理的申报表，含截止时间（due）和是否已升级（escalated）；"
            + "分页（page 从 0 开始，size 默认 50、最多 500），按申报表编号降序（最新的在前）。响应体为本页的数组，X-Total-Count 为总条数，"
            + "Link 给出 first/prev/next/last 页的地址。")
    @ApiResponse(responseCode = "200", description = "本页待办（按申报表编号降序，最新的在前）", headers = {
            @Header(name = PagedResponses.TOTAL_COUNT, description = PagedResponses.TOTAL_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = HttpHeaders.LINK, description = PagedResponses.LINK_DESCRIPTION,
                    schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "参数无效：page 小于 0 或不是整数，size 不在 1 到 500 之间（errors 指出参数）")
    @ApiResponse(responseCode = "403", description = "只有审核人有待办")
    @GetMapping("/api/tasks")
    ResponseEntity<List<ReviewTask>> tasks(Actor actor,
                                           @Parameter(description = PagedResponses.PAGE_DESCRIPTION)
                                           @RequestParam(defaultValue = "0")
                                           @Min(value = 0, message = PagedResponses.PAGE_MESSAGE) int page,
                                           @Parameter(description = PagedResponses.SIZE_DESCRIPTION)
                                           @RequestParam(defaultValue = "50")
                                           @Min(value = 1, message = PagedResponses.SIZE_MESSAGE)
                                           @Max(value = 500, message = PagedResponses.SIZE_MESSAGE) int size,
                                           HttpServletRequest request) {
        return PagedResponses.of(tasks.waitingFor(actor, page, size), request);
    }

    @Operation(summary = "审核记录", description = "一份申报表的全部审核决定，按时间先后。")
    @ApiResponse(responseCode = "200", description = "审核决定列表")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/api/declarations/{id}/decisions")
    List<DecisionView> decisions(Actor actor, @PathVariable long id) {
        return records.decisions(actor, id);
    }

    /** Reviewers' comments keyed by the JSON Pointer of the field they are about. */
    @Operation(summary = "按字段的审核意见", description = "审核意见按其针对的字段（JSON Pointer）分组，供填报人对照修改。"
            + "addressed：该字段的值自意见所针对的修订以来已修改（已处理）；settled：申报表已在该修订或其后的修订上批复（意见仅作历史记录）。")
    @ApiResponse(responseCode = "200", description = "字段 → 审核意见")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/api/declarations/{id}/comments")
    Map<String, List<FieldComment>> comments(Actor actor, @PathVariable long id) {
        return records.commentsByField(actor, id);
    }

    /** What changed since the revision the caller last decided on. */
    @Operation(summary = "自我上次审核以来的修改", description = "当前审核人上次审核的修订与当前修订之间的字段级差异。")
    @ApiResponse(responseCode = "200", description = "修订号和差异")
    @ApiResponse(responseCode = "404", description = "不存在、无权查看，或当前用户未审核过")
    @GetMapping("/api/declarations/{id}/changes-since-my-review")
    ChangesSinceReview changesSinceMyReview(Actor actor, @PathVariable long id) {
        return records.changesSinceMyReview(actor, id);
    }

    @Operation(summary = "审核决定",
            description = "当前环节的审核人按流程模型允许的决定通过（approve）、退回（return，须写意见）或驳回（reject）。"
            + "模型要求评级的环节（如财政审核）通过时须给出等级（优良中差），等级须与决定一致；fields 为意见针对的字段（JSON Pointer）；"
            + "returnTo 把申报表退回到本轮已经过的某个审核环节（退回到指定环节），模型可禁止。会签环节每位成员各自决定，"
            + "由模型的完成条件结束本环节。")
    @ApiResponse(responseCode = "200", description = "已决定：申报表的新状态")
    @ApiResponse(responseCode = "400", description = "请求无效：退回未写意见、等级与决定矛盾等")
    @ApiResponse(responseCode = "403", description = "不是当前环节的审核人")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表不在审核中，或他人已同时处理")
    @PostMapping("/api/declarations/{id}/decision")
    ResponseEntity<DeclarationView> decide(Actor actor, @PathVariable long id,
                                           @Valid @RequestBody DecisionRequest request) {
        var command = new DecisionCommand(Outcome.of(request.outcome()).orElseThrow(), request.comment(),
                request.grade(), request.fields(), request.returnTo());
        var decided = timers.decision(request.outcome(), () -> decisions.decide(actor, id, command));
        return DeclarationController.withEtag(decided);
    }
}
