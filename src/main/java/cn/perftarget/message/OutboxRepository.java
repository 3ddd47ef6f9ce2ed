package cn.perftarget.message;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxEmail, Long> {

    OutboxEmail save(OutboxEmail email);

    java.util.Optional<OutboxEmail> findById(Long id);

    Page<OutboxEmail> findAllByOrderByIdDesc(Pageable page);

    Page<OutboxEmail> findByStatusOrderByIdDesc(Outbox.State status, Pageable page);

    long countByStatus(Outbox.State status);

    /** Due and unclaimed (or claimed by a node whose claim ran out), oldest first. */
    @Query("select e.id from OutboxEmail e where e.status = cn.perftarget.message.Outbox.State.PENDING"
            + " and e.nextAttemptAt <= :now and (e.claimedUntil is null or e.claimedUntil < :now) order by e.id")
    List<Long> findDue(Instant now, Pageable page);

    /**
     * Claims one email for this node until {@code until}: 1 when this node got it, 0 when another node did first
     * (the WHERE clause is re-checked under the row lock of the UPDATE, on H2 and PostgreSQL alike).
     */
    @Modifying
    @Query("update OutboxEmail e set e.claimedBy = :node, e.claimedUntil = :until where e.id = :id"
            + " and e.status = cn.perftarget.message.Outbox.State.PENDING"
            + " and (e.claimedUntil is null or e.claimedUntil < :now)")
    int claim(Long id, String node, Instant now, Instant until);

    @Modifying
    @Query("update OutboxEmail e set e.status = cn.perftarget.message.Outbox.State.SENT, e.sentAt = :now,"
            + " e.attempts = e.attempts + 1, e.claimedBy = null, e.claimedUntil = null, e.lastError = null"
            + " where e.id = :id and e.claimedBy = :node")
    int markSent(Long id, String node, Instant now);

    /** A failed attempt: retried at {@code next}, or FAILED for good when {@code status} says so. */
    @Modifying
    @Query("update OutboxEmail e set e.status = :status, e.attempts = e.attempts + 1, e.nextAttemptAt = :next,"
            + " e.lastError = :error, e.claimedBy = null, e.claimedUntil = null where e.id = :id and e.claimedBy = :node")
    int markAttemptFailed(Long id, String node, Outbox.State status, Instant next, String error);
}
