package cn.perftarget.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.perftarget.declaration.AttachedFile;

/**
 * A file kept with a declaration, listed in the revisions from the one it was added in up to (not including) the
 * one it was removed in. Its bytes are an {@link AttachmentContent} of their own, read only for a download.
 */
@Entity
@Table(name = "declaration_attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long declarationId;
    private String name;
    private String kind;
    @Column(name = "size_bytes")
    private long size;
    private String contentType;
    private String sha256;
    private int addedRevision;
    private String addedBy;
    private Instant addedAt;
    private Integer removedRevision;
    private String removedBy;
    private Instant removedAt;

    protected Attachment() {
    }

    Attachment(long declarationId, String name, String kind, long size, String contentType, String sha256,
               int revision, String by, Instant at) {
        this.declarationId = declarationId;
        this.name = name;
        this.kind = kind;
        this.size = size;
        this.contentType = contentType;
        this.sha256 = sha256;
        this.addedRevision = revision;
        this.addedBy = by;
        this.addedAt = at;
    }

    /** No longer listed from this revision on; the revisions before it keep the file. */
    void removeFrom(int revision, String by, Instant at) {
        this.removedRevision = revision;
        this.removedBy = by;
        this.removedAt = at;
    }

    Long id() {
        return id;
    }

    int addedRevision() {
        return addedRevision;
    }

    String name() {
        return name;
    }

    String kind() {
        return kind;
    }

    long size() {
        return size;
    }

    String contentType() {
        return contentType;
    }

    String sha256() {
        return sha256;
    }

    AttachedFile view() {
        return new AttachedFile(id, name, kind, size, contentType, sha256, addedRevision);
    }
}
