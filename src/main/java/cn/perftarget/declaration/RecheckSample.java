package cn.perftarget.declaration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The 财政复核 sample of a budget year's self-evaluations: its share, seed and population when drawn. */
@Entity
@Table(name = "recheck_sample")
class RecheckSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int budgetYear;
    private int sharePercent;
    private long seed;
    private int population;
    private String drawnBy;
    private Instant drawnAt;

    protected RecheckSample() {
    }

    RecheckSample(int budgetYear, int sharePercent, long seed, int population, String drawnBy, Instant drawnAt) {
        this.budgetYear = budgetYear;
        this.sharePercent = sharePercent;
        this.seed = seed;
        this.population = population;
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    Long id() {
        return id;
    }

    int budgetYear() {
        return budgetYear;
    }

    int sharePercent() {
        return sharePercent;
    }

    long seed() {
        return seed;
    }

    int population() {
        return population;
    }

    String drawnBy() {
        return drawnBy;
    }

    Instant drawnAt() {
        return drawnAt;
    }
}
