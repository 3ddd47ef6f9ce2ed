package cn.perftarget.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fast path for a benchmark's setup: writes whole hash chains with batched inserts, hashed exactly as
 * {@link AuditTrail} hashes them (so {@link AuditVerifier} finds them intact), without the per-event chain-head lock
 * that the real append takes. For benchmarks only; the application never writes events this way.
 */
public final class AuditBulkLoad {

    private static final AuditAction[] DAY = {AuditAction.CREATED, AuditAction.SAVED, AuditAction.SAVED,
            AuditAction.VALIDATED, AuditAction.SUBMITTED, AuditAction.RETURNED, AuditAction.SAVED,
            AuditAction.SUBMITTED, AuditAction.APPROVED, AuditAction.APPROVED};

    private AuditBulkLoad() {
    }

    /** One declaration whose chain gets {@code events} events, spread back in time from {@code end}. */
    public record Chain(long declarationId, String department, int year, String filer, String reviewer) {
    }

    /** Appends {@code events} events to each of these chains, which must not exist yet; in the caller's transaction. */
    public static void append(JdbcTemplate jdbc, List<Chain> chains, int events, Instant end) {
        var rows = new ArrayList<Object[]>(chains.size() * events);
        var heads = new ArrayList<Object[]>(chains.size());
        for (Chain chain : chains) {
            String previous = AuditChain.GENESIS;
            for (int seq = 1; seq <= events; seq++) {
                var action = DAY[(seq - 1) % DAY.length];
                boolean review = action == AuditAction.APPROVED || action == AuditAction.RETURNED;
                String actor = review ? chain.reviewer() : chain.filer();
                String role = review ? "DEPT_REVIEWER" : "FILER";
                Instant at = end.minus((long) (events - seq) * 3_600 + chain.declarationId() % 3_600, ChronoUnit.SECONDS)
                        .truncatedTo(ChronoUnit.MICROS);
                String comment = action == AuditAction.RETURNED ? "请补充产出指标的指标值" : null;
                String hash = EventHash.of(chain.declarationId(), seq, at, actor, role, chain.department(), chain.year(),
                        action.name(), null, null, seq, comment, null, null, previous);
                rows.add(new Object[] {chain.declarationId(), seq, Timestamp.from(at), actor, role, chain.department(),
                        chain.year(), action.name(), seq, comment, previous, hash});
                previous = hash;
            }
            heads.add(new Object[] {chain.declarationId(), events, previous});
        }
        jdbc.batchUpdate("insert into audit_event (declaration_id, seq, occurred_at, actor, actor_role, department,"
                + " budget_year, action, revision, comment, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        jdbc.batchUpdate("insert into audit_chain (declaration_id, length, head_hash) values (?, ?, ?)", heads);
    }
}
