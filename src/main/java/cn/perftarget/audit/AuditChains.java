package cn.perftarget.audit;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditChains extends Repository<AuditChain, Long> {

    AuditChain save(AuditChain chain);

    /** The chain's head, locked until the end of the transaction: appends to one chain take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AuditChain c where c.declarationId = :declarationId")
    Optional<AuditChain> lockHead(long declarationId);

    List<AuditChain> findAll();

    /** Every event appended through a chain: each append lengthens its chain in the same transaction. */
    @Query("select coalesce(sum(c.length), 0) from AuditChain c")
    long totalLength();
}
