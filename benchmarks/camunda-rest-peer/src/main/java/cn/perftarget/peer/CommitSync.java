package cn.perftarget.peer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * On H2 files, a {@code CHECKPOINT SYNC} after each committed transaction that wrote, as the product's
 * CommitDurability does after each of its write transactions: without it H2 hands commits to the operating system
 * but seldom fsyncs, and the peer would be faster only by being less durable. Spring Boot registers this listener on
 * the transaction manager the engine uses. Every engine command runs in a read-write Spring transaction (a task
 * query too), so whether one wrote is seen on the connection: an INSERT, UPDATE or DELETE was prepared on it. On
 * PostgreSQL the server flushes its WAL at commit, for both, and this does nothing.
 */
@Component
public class CommitSync implements TransactionExecutionListener, BeanPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommitSync.class);
    private static final ThreadLocal<Boolean> WROTE = new ThreadLocal<>();

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();

    private final Connection connection;

    CommitSync(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String user,
               @Value("${spring.datasource.password:}") String password,
               @Value("${peer.sync-each-commit}") boolean enabled) throws SQLException {
        this.connection = enabled && url.startsWith("jdbc:h2:file:") ? DriverManager.getConnection(url, user, password) : null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (connection != null && bean instanceof DataSource dataSource && !(bean instanceof WriteTracking)) {
            return new WriteTracking(dataSource);
        }
        return bean;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        boolean wrote = Boolean.TRUE.equals(WROTE.get());
        WROTE.remove();
        commits.incrementAndGet();
        if (connection == null || failure != null || !wrote) {
            return;
        }
        synchronized (this) {
            try (var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
                syncs.incrementAndGet();
            } catch (SQLException e) {
                throw new IllegalStateException("CHECKPOINT SYNC failed", e);
            }
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable failure) {
        WROTE.remove();
    }

    @Override
    public void destroy() throws SQLException {
        // Evidence in the peer's log that the listener was on the engine's transactions, and how often it synced.
        log.info("{} commits, {} of them synced", commits.get(), syncs.get());
        if (connection != null) {
            connection.close();
        }
    }

    /** Marks the thread's transaction as writing when a statement that changes rows is prepared on its connection. */
    static final class WriteTracking extends DelegatingDataSource {

        WriteTracking(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection target = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            String verb = sql.stripLeading().toLowerCase(Locale.ROOT);
                            if (verb.startsWith("insert") || verb.startsWith("update") || verb.startsWith("delete")) {
                                WROTE.set(true);
                            }
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
