package cn.perftarget.identity;

import java.util.List;

/**
 * A user as an administrator gives it. {@code password}: a new password (at least 8 characters), or a Spring
 * Security {@code {bcrypt}} hash; null on a change keeps the current one.
 */
public record UserCommand(String username, String name, String unit, List<Role> roles, Boolean enabled,
                          String password) {

    /** bcrypt reads no more than 72 bytes of a password (Spring Security refuses more): in UTF-8, 24 汉字. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public UserCommand {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
