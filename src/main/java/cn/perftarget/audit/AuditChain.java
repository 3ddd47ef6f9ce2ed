package cn.perftarget.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The head of one declaration's hash chain: how long it is and the hash of its last event. */
@Entity
@Table(name = "audit_chain")
class AuditChain {

    static final String GENESIS = "0".repeat(64);

    @Id
    private Long declarationId;
    private int length;
    private String headHash;

    protected AuditChain() {
    }

    AuditChain(long declarationId) {
        this.declarationId = declarationId;
        this.length = 0;
        this.headHash = GENESIS;
    }

    void advance(String hash) {
        length++;
        headHash = hash;
    }

    long declarationId() {
        return declarationId;
    }

    int length() {
        return length;
    }

    String headHash() {
        return headHash;
    }
}
