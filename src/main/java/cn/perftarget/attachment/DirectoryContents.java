package cn.perftarget.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes in a directory, one file per SHA-256 ({@code ab/abcdef…}), so the same bytes are kept once and a file
 * is never rewritten. A file is written (atomically, through a temporary name) before the transaction that names
 * it commits; when that transaction fails the file stays unnamed, which costs space and nothing else, and is taken
 * up again by the next upload of the same bytes. Reading checks the hash, so a damaged file is an error, never
 * other bytes served as the declared ones. Back the directory up with the database (docs/operations.md).
 */
class DirectoryContents implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(DirectoryContents.class);

    private final Path root;
    private final Attachments attachments;

    DirectoryContents(Path root, Attachments attachments) {
        this.root = root.toAbsolutePath();
        this.attachments = attachments;
    }

    @Override
    public void put(long attachmentId, String sha256, byte[] bytes) {
        Path target = file(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("附件目录 " + root + " 无法写入", e);
        }
    }

    @Override
    public byte[] get(long attachmentId, String sha256) {
        try {
            byte[] bytes = Files.readAllBytes(file(sha256));
            if (!AttachmentStore.sha256(bytes).equals(sha256)) {
                throw new IllegalStateException("附件 " + attachmentId + " 的文件 " + file(sha256) + " 已损坏（SHA-256 不符）");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("附件 " + attachmentId + " 的文件 " + file(sha256) + " 无法读取", e);
        }
    }

    /** After the removal commits, and only when no attachment has the same bytes: a rollback leaves the file. */
    @Override
    public void drop(long attachmentId, String sha256) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (attachments.countBySha256(sha256) == 0) {
                    try {
                        Files.deleteIfExists(file(sha256));
                    } catch (IOException e) {
                        // The removal is committed; a file left over costs space only.
                        log.warn("Attachment file {} could not be deleted: {}", file(sha256), e.getMessage());
                    }
                }
            }
        });
    }

    private Path file(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
