package cn.perftarget.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.anchor.AnchorCheck;
import cn.perftarget.audit.anchor.AnchorKeeper;

/**
 * Walks every declaration's hash chain: each event must hash to what it says, link to its predecessor, follow
 * it without a gap, and the chain must end where its recorded head says; and no chain may be shorter than the last
 * anchor says, or differ at the anchored event (a tail removed together with its head). Chains are independent, so
 * they are checked in parallel.
 */
@Service
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final AnchorKeeper anchors;

    AuditVerifier(DataSource dataSource, AnchorKeeper anchors) {
        this.anchors = anchors;
        // A template of its own: the fetch size suits this one full scan, not every query of the application.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
    }

    private record Stored(long id, long declarationId, Integer seq, OffsetDateTime occurredAt, String actor, String role,
                          String department, Integer year, String action, String from, String to, Integer revision,
                          String comment, String grade, String details, String prevHash, String hash) {

        String recomputed() {
            return EventHash.of(declarationId, seq == null ? 0 : seq, occurredAt.toInstant(), actor, role, department,
                    year, action, from, to, revision, comment, grade, details, prevHash);
        }
    }

    private record Head(int length, String hash) {
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        // The anchor first: every event it names was committed before it was written, so the scan below sees them.
        var anchor = AnchorCheck.AnchorSnapshot.of(anchors);
        Map<Long, Integer> anchoredAt = new HashMap<>();
        if (anchor.anchor() != null) {
            anchor.anchor().chains().forEach(h -> anchoredAt.put(h.declaration(), h.length()));
        }
        Map<Long, Head> heads = new HashMap<>();
        jdbc.query("select declaration_id, length, head_hash from audit_chain",
                rs -> { heads.put(rs.getLong(1), new Head(rs.getInt(2), rs.getString(3))); });
        var scan = new Scan(heads, anchoredAt);
        // One chain after another, never the whole trail in memory: a million events would take most of the heap.
        jdbc.query("select id, declaration_id, seq, occurred_at, actor, actor_role, department, budget_year, action, "
                + "status_from, status_to, revision, comment, grade, details, prev_hash, hash from audit_event "
                + "order by declaration_id", rs -> {
                    scan.add(new Stored(rs.getLong(1), rs.getLong(2), (Integer) rs.getObject(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            (Integer) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            (Integer) rs.getObject(12), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.getString(16), rs.getString(17)));
                });
        scan.finish();
        heads.keySet().stream().filter(id -> !scan.lengths.containsKey(id))
                .map(id -> firstBreak(id, List.of(), heads.get(id))).filter(Objects::nonNull).forEach(scan.broken::add);
        var brokenChains = scan.broken.stream().map(ChainVerification.Break::declaration).collect(Collectors.toSet());
        scan.broken.addAll(AnchorCheck.breaks(anchor, scan.stored(), brokenChains, AuditTrail.GENERAL));
        scan.broken.sort(Comparator.comparingLong(ChainVerification.Break::declaration));
        return new ChainVerification(scan.broken.isEmpty(), scan.count, List.copyOf(scan.broken));
    }

    /**
     * The chains as they stream in, grouped by declaration; whole chains are checked in parallel a batch at a time,
     * and of each chain only its length and the event an anchor names are kept.
     */
    private static final class Scan {

        private static final int BATCH = 20_000;

        private final Map<Long, Head> heads;
        private final Map<Long, Integer> anchoredAt;
        private final Map<Long, Integer> lengths = new HashMap<>();
        private final Map<Long, AnchorCheck.Event> anchored = new HashMap<>();
        private final List<ChainVerification.Break> broken = new ArrayList<>();
        private final List<List<Stored>> batch = new ArrayList<>();
        private List<Stored> chain = new ArrayList<>();
        private int batched;
        private long count;

        Scan(Map<Long, Head> heads, Map<Long, Integer> anchoredAt) {
            this.heads = heads;
            this.anchoredAt = anchoredAt;
        }

        void add(Stored event) {
            if (!chain.isEmpty() && chain.get(0).declarationId() != event.declarationId()) {
                close();
            }
            chain.add(event);
            count++;
        }

        void finish() {
            close();
            check();
        }

        private void close() {
            if (chain.isEmpty()) {
                return;
            }
            long declaration = chain.get(0).declarationId();
            lengths.put(declaration, chain.size());
            Integer seq = anchoredAt.get(declaration);
            if (seq != null) {
                chain.stream().filter(e -> e.seq() != null && e.seq().equals(seq)).findFirst()
                        .ifPresent(e -> anchored.put(declaration, new AnchorCheck.Event(e.id(), e.hash())));
            }
            batch.add(chain);
            batched += chain.size();
            chain = new ArrayList<>();
            if (batched >= BATCH) {
                check();
            }
        }

        private void check() {
            broken.addAll(batch.parallelStream()
                    .map(c -> firstBreak(c.get(0).declarationId(), c, heads.get(c.get(0).declarationId())))
                    .filter(Objects::nonNull).toList());
            batch.clear();
            batched = 0;
        }

        AnchorCheck.StoredChains stored() {
            return new AnchorCheck.StoredChains() {
                @Override
                public int length(long declaration) {
                    return lengths.getOrDefault(declaration, 0);
                }

                @Override
                public AnchorCheck.Event at(long declaration, int seq) {
                    return seq == anchoredAt.getOrDefault(declaration, -1) ? anchored.get(declaration) : null;
                }
            };
        }
    }

    private static ChainVerification.Break firstBreak(long declaration, List<Stored> events, Head head) {
        var ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Stored::seq, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Stored::id));
        String previous = AuditChain.GENESIS;
        int expected = 1;
        for (Stored event : ordered) {
            if (event.seq() == null || event.hash() == null) {
                return new ChainVerification.Break(declaration, event.id(), "事件没有链序号或哈希：不是经审计链写入的");
            }
            if (event.seq() != expected) {
                return new ChainVerification.Break(declaration, event.id(), "链序号应为 " + expected + "，实际为 "
                        + event.seq() + "：其前的事件被删除或顺序被改动");
            }
            if (!previous.equals(event.prevHash())) {
                return new ChainVerification.Break(declaration, event.id(), "前一事件哈希不符：其前的事件被删除、替换或顺序被改动");
            }
            if (!event.recomputed().equals(event.hash())) {
                return new ChainVerification.Break(declaration, event.id(), "内容哈希不符：事件内容在写入后被修改");
            }
            previous = event.hash();
            expected++;
        }
        if (head == null) {
            return new ChainVerification.Break(declaration, null, "缺少链头记录");
        }
        if (head.length() != ordered.size() || !head.hash().equals(previous)) {
            return new ChainVerification.Break(declaration, null, "链头记录 " + head.length() + " 个事件，实际 "
                    + ordered.size() + " 个：末尾的事件被删除或链头被改动");
        }
        return null;
    }
}
