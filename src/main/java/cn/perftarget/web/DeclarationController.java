package cn.perftarget.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

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
import cn.perftarget.identity.Actor;
import cn.perftarget.validation.ValidationReport;

@RestController
@RequestMapping("/api/declarations")
class DeclarationController {

    private final DeclarationFiling filing;
    private final DeclarationSubmission submission;
    private final DeclarationQueries queries;

    DeclarationController(DeclarationFiling filing, DeclarationSubmission submission, DeclarationQueries queries) {
        this.filing = filing;
        this.submission = submission;
        this.queries = queries;
    }

    record CreateRequest(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最多 100 个字符") String formKey,
            @NotNull(message = "不能为空") @Min(value = 2000, message = "应在 2000 到 2100 之间")
            @Max(value = 2100, message = "应在 2000 到 2100 之间") Integer year,
            @Min(value = 1, message = "应为申报表编号") Long copyFrom) {
    }

    record SubmissionResponse(@JsonUnwrapped DeclarationView declaration, ValidationReport report) {
    }

    @PostMapping
    ResponseEntity<DeclarationView> create(Actor actor, @Valid @RequestBody CreateRequest request) {
        var created = filing.create(actor, request.formKey(), request.year(), request.copyFrom());
        return ResponseEntity.created(URI.create("/api/declarations/" + created.id()))
                .eTag(Integer.toString(created.revision()))
                .body(created);
    }

    @GetMapping
    List<DeclarationView> list(Actor actor, @RequestParam(required = false) DeclarationStatus status,
                               @RequestParam(required = false) Integer year) {
        return queries.list(actor, status, year);
    }

    @GetMapping("/{id}")
    ResponseEntity<DeclarationView> get(Actor actor, @PathVariable long id) {
        return withEtag(queries.get(actor, id));
    }

    @PutMapping("/{id}/document")
    ResponseEntity<DeclarationView> save(Actor actor, @PathVariable long id,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestBody JsonNode document) {
        return withEtag(filing.saveDocument(actor, id, ifMatch, document));
    }

    @PostMapping("/{id}/validation")
    ValidationReport validate(Actor actor, @PathVariable long id) {
        return filing.validate(actor, id);
    }

    @PostMapping("/{id}/submission")
    ResponseEntity<?> submit(Actor actor, @PathVariable long id) {
        var result = submission.submit(actor, id);
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

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<DeclarationView> withdraw(Actor actor, @PathVariable long id) {
        return withEtag(submission.withdraw(actor, id));
    }

    @PostMapping("/{id}/adjustment")
    ResponseEntity<DeclarationView> adjust(Actor actor, @PathVariable long id) {
        return withEtag(submission.openAdjustment(actor, id));
    }

    static ResponseEntity<DeclarationView> withEtag(DeclarationView view) {
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }
}
