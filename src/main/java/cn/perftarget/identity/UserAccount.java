package cn.perftarget.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of app_user with its roles (V13__organisation.sql). The password is Spring Security's encoded form. */
@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    private String username;
    private String displayName;
    private String unitCode;
    private String password;
    private boolean enabled;
    private int failedLogins;
    private Instant lockedUntil;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    /** Null until persisted, so that a new row is inserted without a look-up first. */
    @Version
    private Long lockVersion;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String unitCode, Set<Role> roles, String password) {
        this.username = username;
        this.displayName = displayName;
        this.unitCode = unitCode;
        this.roles = EnumSet.copyOf(roles);
        this.password = password;
        this.enabled = true;
    }

    Actor actor() {
        return new Actor(username, displayName, roles, unitCode);
    }

    UserView view() {
        return new UserView(username, displayName, unitCode, Role.ordered(roles), enabled,
                lockedUntil, failedLogins);
    }

    void change(String displayName, String unitCode, Set<Role> roles, boolean enabled) {
        this.displayName = displayName;
        this.unitCode = unitCode;
        this.roles.clear();
        this.roles.addAll(roles);
        this.enabled = enabled;
    }

    void password(String encoded) {
        this.password = encoded;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return roles;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** One more failed login; true when this one locks the account until {@code until}. */
    boolean failedLogin(int maxFailures, Instant until) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = until;
            return true;
        }
        return false;
    }

    boolean hasFailedLogins() {
        return failedLogins > 0;
    }

    void loggedIn() {
        failedLogins = 0;
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
