package cn.perftarget.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Refuses to start on a database that would lose acknowledged commits, and on H2 files forces every committed write
 * transaction to the disk before the caller goes on (and so before any HTTP answer).
 * <p>
 * H2 2.x with {@code WRITE_DELAY=0} hands each commit to the operating system at once, which survives {@code kill -9},
 * but calls fsync only now and then (measured with strace: 17 fsyncs for 200 commits), so a power loss can still
 * take the last commits. {@code CHECKPOINT SYNC} after the commit closes that gap. Commits that finish while one sync
 * runs share the next one (group commit), so the cost is at most one fsync per commit and less under load. The sync
 * uses a connection of its own: the committing thread still holds its pooled one.
 * <p>
 * PostgreSQL flushes its WAL at commit unless the server says otherwise; {@code fsync} or
 * {@code synchronous_commit} turned off (also through the URL's {@code options}) is refused.
 */
@Component
public class CommitDurability implements TransactionExecutionListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommitDurability.class);

    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock syncing = new ReentrantLock();
    private final Connection syncConnection;
    private long synced;
    private volatile boolean closed;

    CommitDurability(DataSource dataSource) throws SQLException {
        String url = dataSource instanceof HikariDataSource pool ? pool.getJdbcUrl() : null;
        if (DurableH2Url.isH2Files(url)) {
            var pool = (HikariDataSource) dataSource;
            syncConnection = DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
            checkH2(syncConnection);
        } else {
            syncConnection = null;
            try (var connection = dataSource.getConnection()) {
                if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                    checkPostgres(connection);
                }
            }
        }
    }

    private static void checkH2(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            String delay = result.next() ? result.getString(1) : null;
            if (!"0".equals(delay)) {
                throw new IllegalStateException("H2 数据库的 WRITE_DELAY 为 " + delay + "，已确认的提交可能在崩溃时丢失；"
                        + "请在 spring.datasource.url 中去掉改变它的设置（H2 WRITE_DELAY is " + delay + ", expected 0）");
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("无法把 H2 数据库的提交强制写入磁盘（CHECKPOINT SYNC）：spring.datasource.username "
                    + "须为 H2 管理员用户（the H2 user in spring.datasource.username needs admin rights for CHECKPOINT SYNC）："
                    + e.getMessage(), e);
        }
    }

    private static void checkPostgres(Connection connection) throws SQLException {
        for (String setting : new String[] {"fsync", "synchronous_commit"}) {
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("show " + setting)) {
                String value = result.next() ? result.getString(1) : "";
                if ("off".equalsIgnoreCase(value)) {
                    throw new IllegalStateException("PostgreSQL 的 " + setting + " 为 off，已确认的提交可能在崩溃或断电时丢失；"
                            + "请在服务器配置和 spring.datasource.url 中恢复为 on（PostgreSQL " + setting
                            + " is off; acknowledged commits could be lost）");
                }
            }
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (failure == null && !transaction.isReadOnly()) {
            flush();
        }
    }

    /**
     * Returns once everything committed so far is on the disk (at once on PostgreSQL, which flushed it at commit).
     * Whoever writes a record of committed data elsewhere, like the audit anchor, calls this first.
     */
    public void flush() {
        if (syncConnection == null || closed) {
            return;
        }
        long mine = committed.incrementAndGet();
        syncing.lock();
        try {
            if (synced >= mine || closed) {
                return;
            }
            long upTo = committed.get();
            try (var statement = syncConnection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
            synced = upTo;
        } catch (SQLException e) {
            // The commit stands; only its flush to the disk is left to H2's own schedule.
            log.warn("提交后强制写盘失败（CHECKPOINT SYNC）：{}", e.getMessage());
        } finally {
            syncing.unlock();
        }
    }

    @Override
    public void destroy() throws SQLException {
        if (syncConnection == null) {
            return;
        }
        syncing.lock();
        try {
            closed = true;
            syncConnection.close();
        } finally {
            syncing.unlock();
        }
    }
}
