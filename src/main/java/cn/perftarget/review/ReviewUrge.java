package cn.perftarget.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 催办: one per review step and day; the table's unique key decides between two racing urges. */
@Entity
@Table(name = "review_urge")
class ReviewUrge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long declarationId;
    private String step;
    private LocalDate urgedOn;
    private String urgedBy;
    private Instant urgedAt;

    protected ReviewUrge() {
    }

    ReviewUrge(long declarationId, String step, LocalDate urgedOn, String urgedBy, Instant urgedAt) {
        this.declarationId = declarationId;
        this.step = step;
        this.urgedOn = urgedOn;
        this.urgedBy = urgedBy;
        this.urgedAt = urgedAt;
    }
}
