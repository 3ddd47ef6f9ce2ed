package cn.perftarget.review;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.perftarget.declaration.DeclarationStatus;

/** One reviewer's decision on one step; kept here, not as an editable engine task comment. */
@Entity
@Table(name = "review_decision")
class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long declarationId;
    /** The status code of the step decided, as its model named it. */
    private String step;
    private String reviewer;
    private String outcome;
    private String comment;
    private String grade;
    private String fields;
    private int revision;
    private Instant decidedAt;

    protected ReviewDecision() {
    }

    ReviewDecision(long declarationId, DeclarationStatus step, String reviewer, String outcome, String comment,
                   String grade, String fields, int revision, Instant decidedAt) {
        this.declarationId = declarationId;
        this.step = step.code();
        this.reviewer = reviewer;
        this.outcome = outcome;
        this.comment = comment;
        this.grade = grade;
        this.fields = fields;
        this.revision = revision;
        this.decidedAt = decidedAt;
    }

    DecisionView toView(DeclarationStatus status, String reviewerName, List<String> pointers) {
        return new DecisionView(status, reviewer, reviewerName, outcome, comment, grade, pointers, revision, decidedAt);
    }

    String step() {
        return step;
    }

    String fields() {
        return fields;
    }

    String reviewer() {
        return reviewer;
    }

    int revision() {
        return revision;
    }
}
