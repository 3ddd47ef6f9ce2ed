package cn.perftarget.identity;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Maps a person the identity provider signed in to our user of the same username: the provider says who they are,
 * our directory what they may do. Nobody is created on the fly; an unknown, disabled or locked user gets nothing.
 */
@Component
public class SsoAccounts {

    private final UserDetailsService users;
    private final SsoProperties properties;

    SsoAccounts(UserDetailsService users, SsoProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** Our account for the token's claims, if its username claim names a user who may sign in now. */
    public Optional<UserDetails> account(Map<String, Object> claims) {
        Object username = claims.get(properties.usernameClaim());
        if (!(username instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        try {
            UserDetails user = users.loadUserByUsername(name);
            return user.isEnabled() && user.isAccountNonLocked() ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    public String usernameClaim() {
        return properties.usernameClaim();
    }
}
