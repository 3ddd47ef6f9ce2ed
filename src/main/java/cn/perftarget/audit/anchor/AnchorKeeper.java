package cn.perftarget.audit.anchor;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.perftarget.audit.AuditAnchor;
import cn.perftarget.storage.CommitDurability;

/**
 * Writes anchors of the chain heads (on a schedule and on demand) and reads the latest back. A new anchor takes a
 * chain's current head only when it extends the anchored one; otherwise the anchored head stays, so a chain that lost
 * its tail cannot erase the anchor that proves it.
 */
@Service
public class AnchorKeeper {

    private static final Logger log = LoggerFactory.getLogger(AnchorKeeper.class);
    private static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final AnchorFile file;
    private final Clock clock;
    private final CommitDurability durability;

    AnchorKeeper(JdbcTemplate jdbc, AnchorProperties properties, Clock clock, CommitDurability durability) {
        this.jdbc = jdbc;
        this.durability = durability;
        this.file = new AnchorFile(properties.file(), properties.key());
        this.clock = clock;
    }

    /** The latest anchor, or empty when there is none or its signature does not hold. */
    public Optional<AuditAnchor> latestValid() {
        return file.read().anchor();
    }

    AnchorFile.Read read() {
        return file.read();
    }

    @Scheduled(initialDelayString = "${perftarget.audit.anchor.interval:PT1M}",
            fixedDelayString = "${perftarget.audit.anchor.interval:PT1M}")
    void scheduled() {
        try {
            write();
        } catch (RuntimeException e) {
            // The next run tries again; a failed anchor loses nothing.
            log.warn("审计锚定未能写入：{}", e.getMessage());
        }
    }

    /**
     * Anchors the current heads; returns the anchor in force afterwards (the previous one when nothing changed), or
     * empty when the file on disk is forged: it is left as it is, for whoever investigates.
     */
    public synchronized Optional<AuditAnchor> write() {
        var read = file.read();
        if (read.forged()) {
            log.warn("审计锚定文件 {} 的签名不符，未覆盖它", file);
            return Optional.empty();
        }
        Map<Long, AuditAnchor.Head> previous = new TreeMap<>();
        read.anchor().ifPresent(a -> a.chains().forEach(h -> previous.put(h.declaration(), h)));
        Map<Long, AuditAnchor.Head> next = new TreeMap<>();
        List<Long> contradicting = new ArrayList<>();
        jdbc.query("select declaration_id, length, head_hash from audit_chain", rs -> {
            var current = new AuditAnchor.Head(rs.getLong(1), rs.getInt(2), rs.getString(3));
            var anchored = previous.get(current.declaration());
            if (anchored == null || extends_(current, anchored)) {
                next.put(current.declaration(), current);
            } else {
                next.put(anchored.declaration(), anchored);
                contradicting.add(anchored.declaration());
            }
        });
        previous.forEach((declaration, anchored) -> {
            if (next.putIfAbsent(declaration, anchored) == null) {
                contradicting.add(declaration);
            }
        });
        if (!contradicting.isEmpty()) {
            log.warn("审计链与上次锚定不符，保留原锚定值：申报表 {}", contradicting);
        }
        if (read.anchor().isPresent() && previous.equals(next)) {
            return read.anchor();
        }
        // The heads just read are committed; on the disk too before the anchor names them.
        durability.flush();
        return Optional.of(file.write(clock.instant().truncatedTo(ChronoUnit.MILLIS), List.copyOf(next.values())));
    }

    private boolean extends_(AuditAnchor.Head current, AuditAnchor.Head anchored) {
        if (current.length() == anchored.length()) {
            return current.hash().equals(anchored.hash());
        }
        if (current.length() < anchored.length()) {
            return false;
        }
        return anchored.hash().equals(hashAt(anchored.declaration(), anchored.length()));
    }

    private String hashAt(long declaration, int seq) {
        if (seq == 0) {
            return GENESIS;
        }
        return jdbc.query("select hash from audit_event where declaration_id = ? and seq = ?",
                rs -> rs.next() ? rs.getString(1) : null, declaration, seq);
    }
}
