package cn.perftarget.lifecycle;

import org.springframework.context.ApplicationContext;

import cn.perftarget.Fixtures;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.review.DecisionCommand;
import cn.perftarget.review.Outcome;
import cn.perftarget.review.ReviewDecisions;

/** Our lifecycle through the module APIs, in the application's process, as the controllers call them. */
final class InProcessLifecycle {

    private final DeclarationFiling filing;
    private final DeclarationQueries queries;
    private final DeclarationSubmission submission;
    private final ReviewDecisions decisions;
    private final Directory directory;

    InProcessLifecycle(ApplicationContext app) {
        filing = app.getBean(DeclarationFiling.class);
        queries = app.getBean(DeclarationQueries.class);
        submission = app.getBean(DeclarationSubmission.class);
        decisions = app.getBean(ReviewDecisions.class);
        directory = app.getBean(Directory.class);
    }

    /** One lifecycle of the department's filer and reviewer in {@code year}; fails loudly when a step goes wrong. */
    void run(BenchmarkUsers.Department department, int year, Timings timings) throws Exception {
        Actor filer = actor(department.filer());
        Actor reviewer = actor(department.reviewer());
        Actor finance = actor(BenchmarkUsers.FINANCE);
        long start = System.nanoTime();
        var created = timings.time("create", () -> filing.create(filer, "dept-overall", year));
        long id = created.id();
        timings.time("read", () -> queries.get(filer, id));
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", created.document().at("/header/department").asText());
        timings.time("save", () -> filing.saveDocument(filer, id, "\"" + created.revision() + "\"", document));
        var submitted = timings.time("submit", () -> submission.submit(filer, id));
        if (!submitted.accepted()) {
            throw new IllegalStateException("submission refused: " + submitted.report().errors());
        }
        timings.time("dept approve", () -> decisions.decide(reviewer, id, new DecisionCommand(Outcome.APPROVE, null, null, null)));
        var approved = timings.time("finance approve (优)",
                () -> decisions.decide(finance, id, new DecisionCommand(Outcome.APPROVE, null, "优", null)));
        if (approved.status() != DeclarationStatus.APPROVED) {
            throw new IllegalStateException("declaration " + id + " ended " + approved.status());
        }
        timings.add("lifecycle", System.nanoTime() - start);
    }

    private Actor actor(String username) {
        return directory.actor(username).orElseThrow();
    }
}
