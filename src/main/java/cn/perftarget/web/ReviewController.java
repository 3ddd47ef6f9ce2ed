package cn.perftarget.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.ChangesSinceReview;
import cn.perftarget.review.DecisionCommand;
import cn.perftarget.review.DecisionView;
import cn.perftarget.review.Outcome;
import cn.perftarget.review.ReviewDecisions;
import cn.perftarget.review.ReviewRecords;
import cn.perftarget.review.ReviewTask;
import cn.perftarget.review.ReviewTasks;

@RestController
class ReviewController {

    private final ReviewTasks tasks;
    private final ReviewDecisions decisions;
    private final ReviewRecords records;

    ReviewController(ReviewTasks tasks, ReviewDecisions decisions, ReviewRecords records) {
        this.tasks = tasks;
        this.decisions = decisions;
        this.records = records;
    }

    record DecisionRequest(
            @NotNull(message = "不能为空")
            @Pattern(regexp = "approve|return|reject", message = "应为 approve、return 或 reject") String outcome,
            @Size(max = 4000, message = "最多 4000 个字") String comment,
            @Pattern(regexp = "[优良中差]", message = "应为 优、良、中、差 之一") String grade,
            @Size(max = 100, message = "最多 100 项")
            List<@NotNull(message = "不能为空") @Size(max = 500, message = "最多 500 个字符") String> fields) {
    }

    @GetMapping("/api/tasks")
    List<ReviewTask> tasks(Actor actor) {
        return tasks.waitingFor(actor);
    }

    @GetMapping("/api/declarations/{id}/decisions")
    List<DecisionView> decisions(Actor actor, @PathVariable long id) {
        return records.decisions(actor, id);
    }

    /** Reviewers' comments keyed by the JSON Pointer of the field they are about. */
    @GetMapping("/api/declarations/{id}/comments")
    Map<String, List<DecisionView>> comments(Actor actor, @PathVariable long id) {
        return records.commentsByField(actor, id);
    }

    /** What changed since the revision the caller last decided on. */
    @GetMapping("/api/declarations/{id}/changes-since-my-review")
    ChangesSinceReview changesSinceMyReview(Actor actor, @PathVariable long id) {
        return records.changesSinceMyReview(actor, id);
    }

    @PostMapping("/api/declarations/{id}/decision")
    ResponseEntity<DeclarationView> decide(Actor actor, @PathVariable long id,
                                           @Valid @RequestBody DecisionRequest request) {
        var command = new DecisionCommand(Outcome.of(request.outcome()).orElseThrow(), request.comment(),
                request.grade(), request.fields());
        return DeclarationController.withEtag(decisions.decide(actor, id, command));
    }
}
