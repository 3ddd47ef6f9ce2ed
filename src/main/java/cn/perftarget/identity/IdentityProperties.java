package cn.perftarget.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A seed of the organisation (units, users: written to the database once, where they are missing; the database is
 * what counts afterwards: see {@link OrganisationSeed}), the first administrator of a new installation, and the
 * lockout after failed logins. The demo profile seeds the demo organisation.
 */
@ConfigurationProperties(prefix = "perftarget.security")
record IdentityProperties(List<Account> users, Map<String, String> departments, List<UnitSeed> units,
                          Lockout lockout, BootstrapAdmin bootstrapAdmin) {

    IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        units = units == null ? List.of() : List.copyOf(units);
        lockout = lockout == null ? new Lockout(0, null) : lockout;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
    }

    /** {@code role} or {@code roles}; {@code department} or {@code unit} (the same: a unit code). */
    record Account(String username, String password, Role role, List<Role> roles, String department, String unit,
                   String name) {

        List<Role> allRoles() {
            return roles != null && !roles.isEmpty() ? roles : role == null ? List.of() : List.of(role);
        }

        String unitCode() {
            return unit != null ? unit : department;
        }
    }

    record UnitSeed(String code, String name, UnitKind kind, String parent, List<String> oversees) {
    }

    /** After {@code maxFailures} failed logins in a row an account is locked for {@code duration}. */
    record Lockout(int maxFailures, Duration duration) {

        Lockout {
            maxFailures = maxFailures <= 0 ? 5 : maxFailures;
            duration = duration == null ? Duration.ofMinutes(15) : duration;
        }
    }

    /**
     * Created at start when no enabled ADMIN exists: production's first administrator (PERFTARGET_ADMIN_PASSWORD,
     * a {bcrypt} hash or a password to be hashed).
     */
    record BootstrapAdmin(String username, String password) {

        BootstrapAdmin {
            username = username == null || username.isBlank() ? "admin" : username;
            password = password == null || password.isBlank() ? null : password;
        }
    }
}
