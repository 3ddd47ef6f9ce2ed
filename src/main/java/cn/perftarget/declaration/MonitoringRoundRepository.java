package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MonitoringRoundRepository extends Repository<MonitoringRound, Long> {

    MonitoringRound save(MonitoringRound round);

    void flush();

    @Query("select r from MonitoringRound r where r.budgetYear = :year and r.period = :period")
    Optional<MonitoringRound> find(int year, String period);

    @Query("select r from MonitoringRound r where r.budgetYear = :year order by r.period")
    List<MonitoringRound> ofYear(int year);

    /** Rounds whose last day is on or after {@code day} and whose reminder was not sent yet. */
    @Query("select r from MonitoringRound r where r.remindedAt is null and r.lastDay >= :day order by r.id")
    List<MonitoringRound> unremindedUntil(java.time.LocalDate day);

    /** Claims the round's reminder for this caller: 1 when it was not claimed before, 0 when another was first. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update MonitoringRound r set r.remindedAt = :at where r.id = :id and r.remindedAt is null")
    int claimReminder(Long id, java.time.Instant at);
}
