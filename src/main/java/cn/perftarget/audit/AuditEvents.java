package cn.perftarget.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface AuditEvents extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByDeclarationIdOrderByIdAsc(Long declarationId);

    long countByDeclarationIdAndAction(Long declarationId, AuditAction action);
}
