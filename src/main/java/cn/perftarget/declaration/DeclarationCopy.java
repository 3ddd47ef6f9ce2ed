package cn.perftarget.declaration;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** 抄送: a user copied in on a declaration, who may read it from then on (and do nothing else with it). */
@Entity
@Table(name = "declaration_copy")
@IdClass(DeclarationCopy.Key.class)
class DeclarationCopy {

    static class Key implements Serializable {
        private Long declarationId;
        private String username;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(declarationId, key.declarationId)
                    && java.util.Objects.equals(username, key.username);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(declarationId, username);
        }
    }

    @Id
    private Long declarationId;
    @Id
    private String username;
    private String copiedBy;
    private Instant copiedAt;

    protected DeclarationCopy() {
    }

    DeclarationCopy(long declarationId, String username, String copiedBy, Instant copiedAt) {
        this.declarationId = declarationId;
        this.username = username;
        this.copiedBy = copiedBy;
        this.copiedAt = copiedAt;
    }
}
