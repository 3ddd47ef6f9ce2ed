package cn.perftarget.identity;

import java.time.Instant;
import java.util.List;

/** A user as the administration sees it: never the password. */
public record UserView(String username, String name, String unit, List<Role> roles, boolean enabled,
                       Instant lockedUntil, int failedLogins) {
}
