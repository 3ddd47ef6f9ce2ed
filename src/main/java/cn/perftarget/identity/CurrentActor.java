package cn.perftarget.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves the {@link Actor} of the current request from Spring Security, reading the account once per request:
 * the account check at the start of the request and every later use (the controller's argument, the body guard,
 * the page header) share what was read.
 */
@Component
public class CurrentActor {

    private static final String MEMO = CurrentActor.class.getName() + ".actor";

    private record Memo(String username, Actor actor) {
    }

    private final Directory directory;

    CurrentActor(Directory directory) {
        this.directory = directory;
    }

    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("未登录");
        }
        String username = authentication.getName();
        if (memo() instanceof Memo memo && memo.username().equals(username)) {
            return memo.actor();
        }
        var actor = directory.actor(username)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("未知用户 " + username));
        remember(username, actor);
        return actor;
    }

    /**
     * The actor if the account exists, is enabled and not locked (see {@link Directory#activeActor}); remembered
     * for the rest of the request.
     */
    public Optional<Actor> active(String username) {
        var actor = directory.activeActor(username);
        actor.ifPresent(a -> remember(username, a));
        return actor;
    }

    private static Object memo() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : attributes.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
    }

    private static void remember(String username, Actor actor) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(MEMO, new Memo(username, actor), RequestAttributes.SCOPE_REQUEST);
        }
    }
}
