package cn.perftarget.attachment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of one attachment, apart from its description so that lists never read them. */
@Entity
@Table(name = "declaration_attachment_content")
class AttachmentContent {

    @Id
    private Long attachmentId;
    private byte[] content;

    protected AttachmentContent() {
    }

    AttachmentContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    byte[] content() {
        return content;
    }
}
