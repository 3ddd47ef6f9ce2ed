package cn.perftarget.audit.anchor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.perftarget.audit.AuditAnchor;
import cn.perftarget.audit.ChainVerification;

/** Compares the chains as stored with the last anchor: none may be shorter, or differ at the anchored event. */
public final class AnchorCheck {

    /** What the check needs to know of the stored chains. */
    public interface StoredChains {

        /** How many events the declaration's chain has. */
        int length(long declaration);

        /** The id and hash of the event at {@code seq}, or null when there is none. */
        Event at(long declaration, int seq);
    }

    public record Event(long id, String hash) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private AnchorCheck() {
    }

    /**
     * One break per anchored chain that the stored chains contradict, skipping chains already found broken; a forged
     * anchor file is one break of the general chain.
     */
    public static List<ChainVerification.Break> breaks(AnchorSnapshot snapshot, StoredChains stored, Set<Long> alreadyBroken,
                                                       long generalChain) {
        var found = new ArrayList<ChainVerification.Break>();
        if (snapshot.forged()) {
            found.add(new ChainVerification.Break(generalChain, null,
                    "审计锚定文件的签名不符：锚定文件被改动，或密钥与写入时不同"));
            return found;
        }
        if (snapshot.anchor() == null) {
            return found;
        }
        String when = TIME.format(snapshot.anchor().time());
        for (var head : snapshot.anchor().chains()) {
            if (alreadyBroken.contains(head.declaration()) || head.length() == 0) {
                continue;
            }
            int length = stored.length(head.declaration());
            if (length < head.length()) {
                found.add(new ChainVerification.Break(head.declaration(), null, "链现有 " + length + " 个事件，少于 " + when
                        + " 锚定的 " + head.length() + " 个：末尾的事件连同链头被删除或回滚"));
                continue;
            }
            var event = stored.at(head.declaration(), head.length());
            if (event == null || !head.hash().equals(event.hash())) {
                found.add(new ChainVerification.Break(head.declaration(), event == null ? null : event.id(), "第 "
                        + head.length() + " 个事件的哈希与 " + when + " 锚定的不符：链在锚定后被改写"));
            }
        }
        return found;
    }

    /** The anchor as read before the chains (so every anchored event is already committed), or its forgery. */
    public record AnchorSnapshot(AuditAnchor anchor, boolean forged) {

        public static AnchorSnapshot of(AnchorKeeper keeper) {
            var read = keeper.read();
            return new AnchorSnapshot(read.anchor().orElse(null), read.forged());
        }
    }
}
