package cn.perftarget.audit.anchor;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how often the chain heads are anchored.
 *
 * @param file     the signed anchor file; keep it off the database's disk if you can, and back it up with the database
 * @param key      the HMAC key (from the environment, {@code PERFTARGET_AUDIT_ANCHOR_KEY}); at least 16 characters
 * @param interval how often a new anchor is written
 */
@ConfigurationProperties(prefix = "perftarget.audit.anchor")
public record AnchorProperties(Path file, String key, Duration interval) {

    public AnchorProperties {
        file = file == null ? Path.of("data", "audit-anchor.json") : file;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        if (key == null || key.length() < 16) {
            throw new IllegalStateException("审计锚定密钥 perftarget.audit.anchor.key（环境变量 PERFTARGET_AUDIT_ANCHOR_KEY）"
                    + "未设置或短于 16 个字符（the audit anchor key perftarget.audit.anchor.key is missing or shorter than"
                    + " 16 characters）");
        }
    }
}
