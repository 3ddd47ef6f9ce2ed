package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MonitoringRoundRepository extends Repository<MonitoringRound, Long> {

    MonitoringRound save(MonitoringRound round);

    void flush();

    @Query("select r from MonitoringRound r where r.budgetYear = :year and r.period = :period")
    Optional<MonitoringRound> find(int year, String period);

    @Query("select r from MonitoringRound r where r.budgetYear = :year order by r.period")
    List<MonitoringRound> ofYear(int year);
}
