package cn.perftarget.declaration;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A self-evaluation drawn for 财政复核, and the 复核 score once the 绩效科 recorded it. */
@Entity
@Table(name = "recheck")
class Recheck {

    @Id
    private Long declarationId;
    private Long sampleId;
    private BigDecimal score;
    private String grade;
    private String comment;
    private String recheckedBy;
    private Instant recheckedAt;

    protected Recheck() {
    }

    Recheck(long declarationId, long sampleId) {
        this.declarationId = declarationId;
        this.sampleId = sampleId;
    }

    void recorded(BigDecimal score, String grade, String comment, String by, Instant at) {
        this.score = score;
        this.grade = grade;
        this.comment = comment;
        this.recheckedBy = by;
        this.recheckedAt = at;
    }

    Long declarationId() {
        return declarationId;
    }

    Long sampleId() {
        return sampleId;
    }

    BigDecimal score() {
        return score;
    }

    String grade() {
        return grade;
    }

    String comment() {
        return comment;
    }

    String recheckedBy() {
        return recheckedBy;
    }

    Instant recheckedAt() {
        return recheckedAt;
    }
}
