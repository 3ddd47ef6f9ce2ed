package cn.perftarget.identity;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the {@link Actor} of the current request from Spring Security. */
@Component
public class CurrentActor {

    private final Directory directory;

    CurrentActor(Directory directory) {
        this.directory = directory;
    }

    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("未登录");
        }
        return directory.actor(authentication.getName())
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("未知用户 " + authentication.getName()));
    }
}
