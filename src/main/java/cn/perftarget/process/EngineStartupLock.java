package cn.perftarget.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One node at a time builds its engine (schema create/update, history level, bootstrap) and deploys the models when
 * several nodes share a PostgreSQL database. The engine's {@code schema-update} does not guard against another node
 * creating the tables at the same moment: two nodes started together on a fresh database left one of them dead with
 * {@code duplicate key value violates unique constraint "pg_type_typname_nsp_index"}. A session-level advisory lock,
 * taken before the engine's schema operations and given back once the engine is built (and again around the
 * deployment), makes the later node wait and then find the tables. Other databases take no lock: an H2 file is
 * opened by one process only.
 */
@Component
class EngineStartupLock extends AbstractProcessEnginePlugin {

    /** The advisory lock's key ("PTENGINE"); any other user of advisory locks on this database must avoid it. */
    static final long KEY = 0x5054454E47494E45L;
    private static final Logger log = LoggerFactory.getLogger(EngineStartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    EngineStartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        held = acquire();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release(held);
        held = null;
    }

    /** Runs {@code work} while holding the lock (on PostgreSQL; elsewhere just runs it). */
    <T> T whileHeld(Supplier<T> work) {
        Connection connection = acquire();
        try {
            return work.get();
        } finally {
            release(connection);
        }
    }

    private Connection acquire() {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.close();
                return null;
            }
            long start = System.nanoTime();
            try (var statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                statement.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (waited > 100) {
                log.info("Waited {} ms for another node to finish building its engine or deploying", waited);
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("无法取得流程引擎启动锁（engine start-up lock）：" + e.getMessage(), e);
        }
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        // Unlocked before the connection goes back to the pool: a pooled connection must not keep the lock.
        try (connection; var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the engine start-up lock; dropping its connection instead: {}", e.getMessage());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // The server ends the session, and the lock with it, when the socket goes.
            }
        }
    }
}
