package cn.perftarget.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account as this request's sign-in read it. HTTP Basic signs in on every call, and the password check, the
 * reset of a failed-login count and the check that the account may still act each read the account: they share
 * that one read instead of a select each. Outside a request, or for another username, the database is read.
 */
@Component
class SignInReads {

    private static final String MEMO = SignInReads.class.getName() + ".account";

    private final UserAccounts accounts;

    SignInReads(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Reads the account for a sign-in and remembers it for the rest of the request. */
    Optional<UserAccount> signingIn(String username) {
        var account = accounts.findById(username);
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            account.ifPresent(a -> attributes.setAttribute(MEMO, a, RequestAttributes.SCOPE_REQUEST));
        }
        return account;
    }

    /** The account as this request's sign-in read it, or as the database has it now. */
    Optional<UserAccount> find(String username) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && attributes.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST) instanceof UserAccount a
                && a.username().equals(username)) {
            return Optional.of(a);
        }
        return accounts.findById(username);
    }
}
