package cn.perftarget.declaration;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A monitoring round 财政 opened: the budget year, the months it covers and the last day its forms are due. */
@Entity
@Table(name = "monitoring_round")
class MonitoringRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int budgetYear;
    private String period;
    private LocalDate lastDay;
    private String openedBy;
    private Instant openedAt;
    private Instant remindedAt;

    protected MonitoringRound() {
    }

    MonitoringRound(int budgetYear, String period, LocalDate lastDay, String openedBy, Instant openedAt) {
        this.budgetYear = budgetYear;
        this.period = period;
        this.lastDay = lastDay;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    Long id() {
        return id;
    }

    int budgetYear() {
        return budgetYear;
    }

    String period() {
        return period;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    String openedBy() {
        return openedBy;
    }

    Instant openedAt() {
        return openedAt;
    }
}
