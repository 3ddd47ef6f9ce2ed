package cn.perftarget.identity;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The unit tree kept in memory under the database's organisation_version: every use reads that one row and reloads
 * the tree only when another transaction (on any node) has committed a change. A transaction that changed the units
 * reads them fresh and never fills the memory, so a rollback cannot leave a tree that was never committed.
 */
@Component
class OrganisationVersion {

    private record Cached(long version, UnitTree tree) {
    }

    private final JdbcTemplate jdbc;
    private volatile Cached cached;

    OrganisationVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call in the transaction that changes budget units or their 归口, before it commits. */
    void bump() {
        jdbc.update("update organisation_version set version = version + 1 where id = 1");
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OrganisationVersion.this);
                }
            });
        }
    }

    UnitTree tree(Supplier<UnitTree> load) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return load.get();
        }
        long version = jdbc.queryForObject("select version from organisation_version where id = 1", Long.class);
        var memory = cached;
        if (memory != null && memory.version() == version) {
            return memory.tree();
        }
        var tree = load.get();
        cached = new Cached(version, tree);
        return tree;
    }
}
