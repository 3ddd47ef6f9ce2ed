package cn.perftarget.declaration;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RecheckSampleRepository extends Repository<RecheckSample, Long> {

    RecheckSample save(RecheckSample sample);

    void flush();

    @Query("select s from RecheckSample s where s.budgetYear = :year")
    Optional<RecheckSample> ofYear(int year);
}
