package cn.perftarget.identity;

import java.util.List;

/**
 * A user as an administrator gives it. {@code password}: a new password (at least 8 characters), or a Spring
 * Security {@code {bcrypt}} hash; null on a change keeps the current one.
 */
public record UserCommand(String username, String name, String unit, List<Role> roles, Boolean enabled,
                          String password) {

    public UserCommand {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
