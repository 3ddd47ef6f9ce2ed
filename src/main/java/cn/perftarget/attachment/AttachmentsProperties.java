package cn.perftarget.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the files kept with declarations ({@code perftarget.attachments}).
 *
 * @param maxFileSize  one file at most (default 20 MB); {@code spring.servlet.multipart.max-file-size} follows it
 * @param maxTotalSize all files listed in a declaration's current revision together (default 100 MB)
 * @param directory    where the bytes are kept instead of the database (one file per SHA-256); unset (the default):
 *                     in the database, so that backups and every node of a cluster have them without more ado
 */
@ConfigurationProperties(prefix = "perftarget.attachments")
public record AttachmentsProperties(DataSize maxFileSize, DataSize maxTotalSize, java.nio.file.Path directory) {

    public AttachmentsProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxTotalSize = maxTotalSize == null ? DataSize.ofMegabytes(100) : maxTotalSize;
    }

    /**
     * The largest request body an upload may have: one file and the multipart framing around it (part headers,
     * the kind). Larger bodies are refused before they are read.
     */
    public long maxRequestBytes() {
        return maxFileSize.toBytes() + 64 * 1024;
    }
}
