package cn.perftarget.audit.anchor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.perftarget.audit.AuditAnchor;

/**
 * The anchor on disk: signed JSON, replaced atomically (a temporary file forced to disk, then renamed), so a crash
 * leaves either the old anchor or the new one, never half of one.
 */
class AnchorFile {

    /** What was on disk: nothing yet, a valid anchor, or one whose signature does not hold. */
    record Read(Optional<AuditAnchor> anchor, boolean forged) {
    }

    private final Path file;
    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AnchorFile(Path file, String key) {
        this.file = file.toAbsolutePath();
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return file.toString();
    }

    Read read() {
        if (!Files.exists(file)) {
            return new Read(Optional.empty(), false);
        }
        AuditAnchor anchor;
        try {
            anchor = json.readValue(file.toFile(), AuditAnchor.class);
        } catch (IOException e) {
            return new Read(Optional.empty(), true);
        }
        boolean valid = anchor.time() != null && anchor.chains() != null && anchor.signature() != null
                && MessageDigest.isEqual(sign(anchor.time(), anchor.chains()).getBytes(StandardCharsets.US_ASCII),
                anchor.signature().getBytes(StandardCharsets.US_ASCII));
        return valid ? new Read(Optional.of(anchor), false) : new Read(Optional.empty(), true);
    }

    AuditAnchor write(Instant time, List<AuditAnchor.Head> chains) {
        var anchor = new AuditAnchor(time, List.copyOf(chains), sign(time, chains));
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(anchor)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (var directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
                directoryChannel.force(true);
            } catch (IOException notSupportedHere) {
                // Some platforms cannot open a directory; the rename itself is still atomic there.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("审计锚定文件 " + file + " 无法写入", e);
        }
        return anchor;
    }

    /** HMAC-SHA256 over a versioned canonical text: the time, then each chain in declaration order. */
    private String sign(Instant time, List<AuditAnchor.Head> chains) {
        var text = new StringBuilder("v1|").append(time);
        chains.stream().sorted(java.util.Comparator.comparingLong(AuditAnchor.Head::declaration))
                .forEach(h -> text.append('|').append(h.declaration()).append(':').append(h.length()).append(':')
                        .append(h.hash()));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
