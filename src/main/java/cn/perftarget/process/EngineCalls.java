package cn.perftarget.process;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.identity.Actor;

/**
 * Runs our engine calls on a user's behalf: under the user's identity, so that Camunda's user operation log names
 * the real person, and without the engine's authorization checks, because our use cases have decided who may do
 * what before they get here; the engine's authorizations guard the doors we do not control (the Camunda webapps,
 * whose users may only read). A race lost to a concurrent transaction becomes a 409 and one WARN line.
 */
@Component
class EngineCalls {

    static final String CONFLICT = "申报表正被他人同时处理，请刷新后重试";
    private static final Logger log = LoggerFactory.getLogger(EngineCalls.class);

    private final IdentityService identity;
    private final CommandExecutor commands;

    EngineCalls(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    <T> T as(Actor actor, long declarationId, Supplier<T> call) {
        identity.setAuthentication(actor.username(), List.of(actor.role().name()));
        try {
            // The services called inside reuse this command's context, and with it the disabled checks.
            return commands.execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return call.get();
                } finally {
                    context.enableAuthorizationCheck();
                }
            });
        } catch (OptimisticLockingException e) {
            throw lostRace(actor, declarationId, e);
        } catch (StatusConflictException e) {
            log.warn("{} lost a race on declaration {}: {}", actor.username(), declarationId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (rolledBackByDatabase(e)) {
                throw lostRace(actor, declarationId, e);
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }

    private static StatusConflictException lostRace(Actor actor, long declarationId, RuntimeException e) {
        log.warn("{} lost a race on declaration {} to a concurrent transaction: {}", actor.username(), declarationId,
                rootMessage(e));
        return new StatusConflictException(CONFLICT);
    }

    /** SQL state class 40: the database rolled the transaction back (deadlock, serialisation) because of a concurrent one. */
    private static boolean rolledBackByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
