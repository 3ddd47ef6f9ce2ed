package cn.perftarget.identity;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;

/**
 * Counts failed logins (HTTP Basic, the page login, the Camunda webapps) and locks an account for a while after too
 * many in a row (perftarget.security.lockout); a successful login starts the count again. The lock is an audit event
 * on chain 0. Each count commits on its own: the failed request itself is refused.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final SignInReads signIns;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final IdentityProperties.Lockout lockout;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoginAttempts(UserAccounts accounts, SignInReads signIns, PasswordEncoder passwords, AuditTrail audit,
                  IdentityProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.passwords = passwords;
        this.audit = audit;
        this.lockout = properties.lockout();
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    /** A password check of the Camunda webapps' login: the same rules and the same count as ours. */
    boolean check(String username, String rawPassword) {
        var account = username == null ? null : accounts.findById(username).orElse(null);
        if (account == null || rawPassword == null || !account.enabled() || account.lockedAt(clock.instant())) {
            return false;
        }
        boolean matches;
        try {
            matches = passwords.matches(rawPassword, account.password());
        } catch (IllegalArgumentException noEncoderForStoredPassword) {
            matches = false;
        }
        if (matches) {
            succeeded(username);
        } else {
            failed(username);
        }
        return matches;
    }

    private void failed(String username) {
        transaction.executeWithoutResult(status -> accounts.findById(username).ifPresent(account -> {
            var now = clock.instant();
            if (account.failedLogin(lockout.maxFailures(), now.plus(lockout.duration()))) {
                audit.record(Changes.entry("system", Role.SYSTEM, AuditAction.ACCOUNT_LOCKED,
                        "用户 " + username + " 连续 " + lockout.maxFailures() + " 次登录失败，锁定至 "
                                + now.plus(lockout.duration()), null, null));
            }
        }));
    }

    private void succeeded(String username) {
        var account = signIns.find(username);
        if (account.isPresent() && account.get().hasFailedLogins()) {
            transaction.executeWithoutResult(status -> accounts.findById(username).ifPresent(UserAccount::loggedIn));
        }
    }
}
