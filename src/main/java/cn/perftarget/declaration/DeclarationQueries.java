package cn.perftarget.declaration;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.identity.Actor;

/** Everything a caller may read about the declarations they may see. */
@Service
@Transactional(readOnly = true)
public class DeclarationQueries {

    private final Declarations declarations;
    private final DocumentStore documents;
    private final Access access;
    private final Views views;
    private final DeclarationCounts counts;
    private final SubmissionDeadlines deadlines;
    private final Clock clock;
    private final ReviewStepCatalog catalog;

    DeclarationQueries(Declarations declarations, DocumentStore documents, Access access, Views views,
                       DeclarationCounts counts, SubmissionDeadlines deadlines, Clock clock, ReviewStepCatalog catalog) {
        this.catalog = catalog;
        this.declarations = declarations;
        this.documents = documents;
        this.access = access;
        this.views = views;
        this.counts = counts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * One page of summaries (without documents) of the declarations the caller may see (by role and unit, or copied
     * in), optionally filtered. The database cuts the page (limit/offset, and a count) with the caller's scope in the
     * query.
     */
    public ResultPage<DeclarationView> page(Actor actor, DeclarationStatus status, Integer year, ListOrder order,
                                            int page, int size) {
        requireKnown(status);
        return page(access.readable(actor, status, year), order, page, size);
    }

    /** As {@link #page}, of one department only. */
    public ResultPage<DeclarationView> pageOfDepartment(Actor actor, String department, DeclarationStatus status,
                                                        Integer year, ListOrder order, int page, int size) {
        requireKnown(status);
        Specification<Declaration> ofDepartment = (root, query, cb) -> cb.equal(root.get("department"), department);
        return page(access.listable(actor, status, year).and(ofDepartment), order, page, size);
    }

    /** The newest declarations of the year of one department, follow-ups aside: the dashboard's links. */
    public List<DeclarationView> declarationsOfDepartment(Actor actor, String department, int year, int limit) {
        Specification<Declaration> ofDepartment = (root, query, cb) -> cb.and(
                cb.equal(root.get("department"), department), cb.isNull(root.get("basedOn")));
        return page(access.listable(actor, null, year).and(ofDepartment), ListOrder.NEWEST, 0, limit).items();
    }

    /**
     * How many declarations of the year the caller may see each department has, by status, and how many are overdue;
     * follow-ups (监控, 自评) are not declarations of the year and are left out.
     */
    public YearProgress progress(Actor actor, int year) {
        var deadline = deadlines.deadline(year);
        boolean pastDeadline = clock.instant().isAfter(deadline);
        // The same rule as DeclarationView.overdue, as a query: not submitted by the deadline, or first after it.
        Specification<Declaration> overdue = (root, query, cb) -> cb.or(
                cb.greaterThan(root.<java.time.Instant>get("firstSubmittedAt"), deadline),
                pastDeadline ? cb.isNull(root.get("firstSubmittedAt")) : cb.disjunction());
        Specification<Declaration> declarationsOnly = (root, query, cb) -> cb.isNull(root.get("basedOn"));
        var listable = access.listable(actor, null, year).and(declarationsOnly);
        return new YearProgress(counts.byDepartmentAndStatus(listable), counts.byDepartment(listable.and(overdue)));
    }

    /**
     * One page, newest first, of the declarations waiting in a review step that the caller decides there (as the
     * step's model says: their 主管部门's reviews as fixed at submission, their 财政科室's 归口, their role) and did not
     * submit themselves.
     */
    public ResultPage<DeclarationView> awaiting(Actor actor, int page, int size) {
        Specification<Declaration> notOwn = (root, query, cb) -> cb.notEqual(submitter(root, cb), actor.username());
        return page(atStepsOf(actor).and(notOwn), ListOrder.NEWEST, page, size);
    }

    /**
     * The declarations (newest first, at most {@code size}) waiting in a step the caller decides that the caller
     * submitted themselves, so may not decide: the inbox names them and who else can act.
     */
    public List<DeclarationView> ownSubmissionsAwaiting(Actor actor, int size) {
        Specification<Declaration> own = (root, query, cb) -> cb.equal(submitter(root, cb), actor.username());
        return page(atStepsOf(actor).and(own), ListOrder.NEWEST, 0, size).items();
    }

    private Specification<Declaration> atStepsOf(Actor actor) {
        Specification<Declaration> waiting = (root, query, cb) -> cb.disjunction();
        for (var step : catalog.steps()) {
            var scope = access.decidingScope(actor, step);
            if (!scope.isEmpty()) {
                waiting = waiting.or(Access.within(scope, step.status(), null));
            }
        }
        return waiting;
    }

    private static jakarta.persistence.criteria.Expression<String> submitter(
            jakarta.persistence.criteria.Root<Declaration> root, jakarta.persistence.criteria.CriteriaBuilder cb) {
        return cb.coalesce(root.<String>get("submittedBy"), root.<String>get("filedBy"));
    }

    /** The review steps of the processes in use, each status once, in model order: the columns of an overview. */
    public List<ReviewStepDefinition> reviewSteps() {
        return catalog.steps();
    }

    /** Every status a declaration can have now, in lifecycle order: draft, the models' review steps, the outcomes. */
    public List<DeclarationStatus> statuses() {
        var all = new java.util.ArrayList<DeclarationStatus>();
        all.add(DeclarationStatus.DRAFT);
        catalog.steps().forEach(step -> all.add(step.status()));
        all.addAll(List.of(DeclarationStatus.RETURNED, DeclarationStatus.APPROVED, DeclarationStatus.REJECTED));
        return all;
    }

    /** The status of this code, labelled as the process models label it. */
    public DeclarationStatus status(String code) {
        return catalog.status(code);
    }

    private ResultPage<DeclarationView> page(Specification<Declaration> where, ListOrder order, int page, int size) {
        requirePage(page, size);
        var found = declarations.findAll(where, PageRequest.of(page, size, switch (order) {
            case NEWEST -> Sort.by(Sort.Order.desc("id"));
            case LATEST_YEAR -> Sort.by(Sort.Order.desc("budgetYear"), Sort.Order.desc("id"));
        }));
        return new ResultPage<>(found.map(d -> views.of(d, null)).getContent(), found.getTotalElements(), page, size);
    }

    private void requireKnown(DeclarationStatus status) {
        if (status != null && !DeclarationStatus.isFixed(status.code())
                && catalog.steps().stream().noneMatch(s -> s.status().equals(status))) {
            throw InvalidRequestException.of("status", "request.parameter", "参数“status”的值“" + status.code()
                    + "”无效：不是任何流程中的状态");
        }
    }

    private static void requirePage(int page, int size) {
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw InvalidRequestException.of("size", "request.parameter", "参数“size”的值“" + size + "”无效：应在 1 到 "
                    + ResultPage.MAX_SIZE + " 之间");
        }
        if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            // The database takes the offset of a page as an int.
            throw InvalidRequestException.of("page", "request.parameter", "参数“page”的值“" + page + "”无效：应在 0 到 "
                    + Integer.MAX_VALUE / size + " 之间");
        }
    }

    /** What the caller may see, as sets a list query can turn into a WHERE clause. */
    public DeclarationScope scopeOf(Actor actor) {
        return access.scopeOf(actor);
    }

    /** Whether the actor sees the declaration by their own role and unit, not only because it was copied to them (抄送). */
    public boolean seesByRole(Actor actor, long id) {
        return access.inScope(actor, access.visible(actor, id));
    }

    /** One declaration without its document. */
    public DeclarationView summary(Actor actor, long id) {
        return views.of(access.visible(actor, id), null);
    }

    public DeclarationView get(Actor actor, long id) {
        var declaration = access.visible(actor, id);
        return views.of(declaration, documents.current(declaration));
    }

    public List<RevisionView> revisions(Actor actor, long id) {
        return documents.all(access.visible(actor, id)).stream().map(r -> views.of(r, null)).toList();
    }

    public RevisionView revision(Actor actor, long id, int number) {
        var revision = documents.find(access.visible(actor, id), number);
        return views.of(revision, documents.read(revision));
    }

    /** Field-level changes from revision {@code from} to revision {@code to}. */
    public List<FieldChange> diff(Actor actor, long id, int from, int to) {
        var declaration = access.visible(actor, id);
        return DocumentDiff.between(documents.read(documents.find(declaration, from)),
                documents.read(documents.find(declaration, to)));
    }
}
