package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Declarations extends Repository<Declaration, Long>, JpaSpecificationExecutor<Declaration> {

    Declaration save(Declaration declaration);

    Optional<Declaration> findById(Long id);

    /** The declaration, locked until the end of the transaction: concurrent saves of one document take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Declaration d where d.id = :id")
    Optional<Declaration> lockById(Long id);

    // JPQL: its plan is cached, a derived query's is translated on every create (see Revisions).
    @Query("select d from Declaration d where d.uniquenessKey = :uniquenessKey")
    Optional<Declaration> findByUniquenessKey(String uniquenessKey);

    /** Locked: a node started at the same moment waits, then finds only what this one left without a key. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Declaration> findByUniquenessKeyIsNullOrderByIdAsc();

    /** The follow-ups (监控, 自评) of a declaration, oldest first. */
    @Query("select d from Declaration d where d.basedOn = :basedOn order by d.id")
    List<Declaration> findFollowUps(Long basedOn);

    void flush();

    List<Declaration> findByStatusOrderByIdAsc(DeclarationStatus status);

    /** Pairs of status and count, for the metrics. */
    @Query("select d.status, count(d) from Declaration d group by d.status")
    List<Object[]> countByStatus();

    /** Pairs of budget year and count of the declarations never submitted, for the metrics. */
    @Query("select d.budgetYear, count(d) from Declaration d where d.firstSubmittedAt is null group by d.budgetYear")
    List<Object[]> countUnsubmittedByYear();
}
