package cn.perftarget.web.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.ApprovalProcess.ProcessTrace;
import cn.perftarget.declaration.DeclarationHistory;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.ReviewDecisions;
import cn.perftarget.web.OpenApiConfiguration;

/**
 * The task operations of approval centres on any review step (转办, 加签 and its answer), the step a declaration
 * waits in as its model defines it, and the process trace (流程跟踪).
 */
@RestController
@Tag(name = OpenApiConfiguration.REVIEW)
@RequestMapping("/api/declarations/{id}")
class TaskOperationsController {

    private final ReviewDecisions decisions;
    private final ReviewStep step;
    private final DeclarationHistory history;

    TaskOperationsController(ReviewDecisions decisions, ReviewStep step, DeclarationHistory history) {
        this.decisions = decisions;
        this.step = step;
        this.history = history;
    }

    record TaskOperationRequest(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最多 100 个字符") String to,
            @Size(max = 4000, message = "最多 4000 个字") String comment) {
    }

    record OpinionRequest(@NotBlank(message = "不能为空") @Size(max = 4000, message = "最多 4000 个字") String comment) {
    }

    /** A review step as its model defines it, with what the caller may do there now. */
    record StepView(String status, String statusLabel, String label, String taskId, String processKey,
                    String reviewers, String reviewersLabel, List<String> outcomes, String grade, boolean panel,
                    String turn, List<StepRef> returnTargets, List<Colleague> colleagues) {
    }

    record StepRef(String status, String label) {
    }

    record Colleague(String username, String name) {
    }

    @Operation(summary = "转办", description = "把当前环节中本人的审核任务交给同一环节的另一位审核人办理；只有本环节的审核人可以转办，"
            + "接收人也须是本环节的审核人。记入审计。")
    @ApiResponse(responseCode = "200", description = "已转办")
    @ApiResponse(responseCode = "400", description = "接收人不存在、是本人或不是本环节的审核人（errors 指出 /to）")
    @ApiResponse(responseCode = "403", description = "当前用户不是本环节的审核人，或任务已由他人办理")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表不在审核中，或正在等待加签意见")
    @PostMapping("/handover")
    ResponseEntity<DeclarationView> handOver(Actor actor, @PathVariable long id,
                                             @Valid @RequestBody TaskOperationRequest request) {
        return ResponseEntity.ok(decisions.handOver(actor, id, request.to(), request.comment()));
    }

    @Operation(summary = "加签", description = "请同一环节的另一位审核人先发表意见，收到意见后再由本人作出审核决定；记入审计。")
    @ApiResponse(responseCode = "200", description = "已请对方加签")
    @ApiResponse(responseCode = "400", description = "对方不存在、是本人或不是本环节的审核人（errors 指出 /to）")
    @ApiResponse(responseCode = "403", description = "当前用户不是本环节的审核人，或任务已由他人办理")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表不在审核中，或已在等待加签意见")
    @PostMapping("/consultation")
    ResponseEntity<DeclarationView> consult(Actor actor, @PathVariable long id,
                                            @Valid @RequestBody TaskOperationRequest request) {
        return ResponseEntity.ok(decisions.consult(actor, id, request.to(), request.comment()));
    }

    @Operation(summary = "提交加签意见", description = "被邀请加签的审核人发表意见；意见显示给邀请人，任务回到邀请人手中。")
    @ApiResponse(responseCode = "200", description = "已提交加签意见")
    @ApiResponse(responseCode = "400", description = "意见为空（errors 指出 /comment）")
    @ApiResponse(responseCode = "403", description = "当前用户没有被邀请加签")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @ApiResponse(responseCode = "409", description = "申报表不在审核中")
    @PostMapping("/consultation/answer")
    ResponseEntity<DeclarationView> answer(Actor actor, @PathVariable long id,
                                           @Valid @RequestBody OpinionRequest request) {
        return ResponseEntity.ok(decisions.answerConsultation(actor, id, request.comment()));
    }

    @Operation(summary = "当前审核环节", description = "申报表当前所在的审核环节，按其流程模型：环节名、审核人、允许的决定、评级要求、"
            + "是否会签，以及当前用户此刻能做什么（turn：DECIDE 决定、ANSWER 提交加签意见、NONE 无）、可退回到的环节和可转办或加签的审核人。")
    @ApiResponse(responseCode = "200", description = "当前环节")
    @ApiResponse(responseCode = "404", description = "不存在、无权查看，或不在审核中")
    @GetMapping("/review-step")
    StepView reviewStep(Actor actor, @PathVariable long id) {
        var current = step.currentStep(actor, id).orElseThrow(() -> new DeclarationNotFoundException(
                "申报表 " + id + " 当前不在审核环节"));
        var turn = step.turnOf(actor, id);
        boolean decides = turn == ReviewStep.Turn.DECIDE;
        return new StepView(current.status().code(), current.status().label(), current.label(), current.taskId(),
                current.processKey(), current.reviewers().code(), current.reviewers().label(),
                cn.perftarget.declaration.ReviewStepDefinition.OUTCOMES.stream().filter(current::allows).toList(),
                current.grade().name().toLowerCase(java.util.Locale.ROOT), current.panel(), turn.name(),
                decides ? step.passedSteps(actor, id).stream().filter(s -> current.mayReturnTo(s.status()))
                        .map(s -> new StepRef(s.status().code(), s.label())).toList() : List.of(),
                decides ? step.otherReviewers(actor, id).stream().map(a -> new Colleague(a.username(), a.name()))
                        .toList() : List.of());
    }

    @Operation(summary = "流程跟踪", description = "申报表审批流程的模型（BPMN XML）及其版本，已经过的元素和当前所在的元素。")
    @ApiResponse(responseCode = "200", description = "流程模型与进度")
    @ApiResponse(responseCode = "404", description = "不存在或无权查看")
    @GetMapping("/process")
    ProcessTrace process(Actor actor, @PathVariable long id) {
        return history.trace(actor, id).orElseThrow(() -> new DeclarationNotFoundException(
                "申报表 " + id + " 没有审批流程"));
    }
}
