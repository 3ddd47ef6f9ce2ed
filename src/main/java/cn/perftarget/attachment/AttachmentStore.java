package cn.perftarget.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.declaration.AttachedFile;
import cn.perftarget.declaration.AttachmentAccess;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.identity.Actor;

/**
 * The files kept with declarations (附件): upload, list, download and remove, each checked as reading or changing
 * the declaration is. A file is stored in the database with its SHA-256 and bound to the revision it was added in;
 * every upload and removal is an event of the declaration's audit chain, in the same transaction.
 */
@Service
public class AttachmentStore {

    private final AttachmentAccess access;
    private final Attachments attachments;
    private final ContentStore contents;
    private final UploadCheck check;
    private final AttachmentMeters meters;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    AttachmentStore(AttachmentAccess access, Attachments attachments, ContentStore contents, UploadCheck check,
                    AttachmentMeters meters, Clock clock, PlatformTransactionManager transactionManager) {
        this.access = access;
        this.attachments = attachments;
        this.contents = contents;
        this.check = check;
        this.meters = meters;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    /**
     * Keeps {@code bytes} as a file of this kind in the declaration's current revision (a new one when the current
     * was submitted). Refused, with nothing changed: 404/403/409 as for saving the declaration, 400 naming
     * {@code kind} or {@code file}, 413 naming the file when it or the declaration's files together are too large.
     */
    public AttachedFile upload(Actor actor, long declarationId, String kind, String fileName, byte[] bytes) {
        return meters.upload(() -> transactions.execute(tx -> {
            var target = access.changeable(actor, declarationId, "上传附件");
            String chosen = check.kind(target.formKey(), target.formVersion(), kind);
            String name = UploadCheck.name(fileName);
            var type = check.type(name, bytes);
            long listed = attachments.listedIn(declarationId, target.revision()).stream().mapToLong(Attachment::size).sum();
            check.total(name, listed, bytes.length);
            String sha256 = sha256(bytes);
            var saved = attachments.save(new Attachment(declarationId, name, chosen, bytes.length, type.mediaType(),
                    sha256, target.revision(), actor.username(), clock.instant()));
            contents.put(saved.id(), sha256, bytes);
            access.record(actor, declarationId, AuditAction.ATTACHMENT_ADDED, describe(saved));
            return saved.view();
        }));
    }

    /** The files listed in the declaration's current revision, or in revision {@code revision} when given. */
    public List<AttachedFile> list(Actor actor, long declarationId, Integer revision) {
        return reads.execute(tx -> {
            var target = revision == null ? access.readable(actor, declarationId)
                    : access.readable(actor, declarationId, revision);
            return attachments.listedIn(declarationId, target.revision()).stream().map(Attachment::view).toList();
        });
    }

    /** A file of any revision of the declaration, for whoever may see the declaration. */
    public Download download(Actor actor, long declarationId, long attachmentId) {
        return meters.download(() -> reads.execute(tx -> {
            access.readable(actor, declarationId);
            var attachment = find(declarationId, attachmentId);
            return new Download(attachment.name(), attachment.contentType(),
                    contents.get(attachment.id(), attachment.sha256()), attachment.sha256());
        }));
    }

    /**
     * Removes a file from the declaration's current revision (a new one when the current was submitted): the
     * revisions before keep listing it. A file added in this same draft revision is listed nowhere then, and goes.
     */
    public void remove(Actor actor, long declarationId, long attachmentId) {
        transactions.executeWithoutResult(tx -> {
            var target = access.changeable(actor, declarationId, "删除附件");
            var attachment = attachments.listedIn(declarationId, target.revision()).stream()
                    .filter(a -> a.id() == attachmentId).findFirst()
                    .orElseThrow(() -> notFound(declarationId, attachmentId));
            access.record(actor, declarationId, AuditAction.ATTACHMENT_REMOVED, describe(attachment));
            if (attachment.addedRevision() == target.revision()) {
                contents.drop(attachment.id(), attachment.sha256());
                attachments.delete(attachment);
            } else {
                attachment.removeFrom(target.revision(), actor.username(), clock.instant());
            }
        });
    }

    private Attachment find(long declarationId, long attachmentId) {
        return attachments.findByIdAndDeclarationId(attachmentId, declarationId)
                .orElseThrow(() -> notFound(declarationId, attachmentId));
    }

    private static DeclarationNotFoundException notFound(long declarationId, long attachmentId) {
        return new DeclarationNotFoundException("申报表 " + declarationId + " 没有编号为 " + attachmentId + " 的附件");
    }

    // What the audit event keeps: enough to tell the file again by its hash after it is gone.
    private static String describe(Attachment a) {
        return "附件“" + a.name() + "”（" + a.kind() + "，" + a.size() + " 字节，" + a.contentType() + "，SHA-256 "
                + a.sha256() + "）";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 不可用", e);
        }
    }
}
