package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RecheckRepository extends Repository<Recheck, Long> {

    Recheck save(Recheck recheck);

    Optional<Recheck> findById(Long declarationId);

    @Query("select r from Recheck r where r.sampleId = :sampleId order by r.declarationId")
    List<Recheck> ofSample(Long sampleId);
}
