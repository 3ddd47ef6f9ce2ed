package cn.perftarget.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place other modules ask about people and budget units, read from the database (app_user,
 * budget_unit); also the {@link UserDetailsService} behind HTTP Basic and the page login. A future single sign-on
 * maps a signed-in person to our user through {@link #actor(String)} by username.
 */
@Component
public class Directory implements UserDetailsService {

    private final UserAccounts accounts;
    private final SignInReads signIns;
    private final JdbcTemplate jdbc;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final OrganisationVersion version;
    private final IdentityProperties seed;

    Directory(UserAccounts accounts, SignInReads signIns, JdbcTemplate jdbc, LoginAttempts attempts, Clock clock,
              OrganisationVersion version, IdentityProperties seed) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.clock = clock;
        this.version = version;
        this.seed = seed;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = signIns.signingIn(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.username())
                .password(account.password())
                .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                .build();
    }

    /** The actor for an authenticated username, if it is one of ours (enabled or not). */
    @Transactional(readOnly = true)
    public Optional<Actor> actor(String username) {
        return username == null ? Optional.empty() : accounts.findById(username).map(UserAccount::actor);
    }

    /** The actor if the account exists, is enabled and not locked: a session of anyone else ends at once. */
    @Transactional(readOnly = true)
    public Optional<Actor> activeActor(String username) {
        return signIns.find(username).filter(a -> a.enabled() && !a.lockedAt(clock.instant()))
                .map(UserAccount::actor);
    }

    /** Every account, ordered by username. */
    @Transactional(readOnly = true)
    public List<Actor> actors() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(UserAccount::actor).toList();
    }

    /**
     * The accounts of the configured seed (in the demo profile, the demo users) as they are now, in the seed's order:
     * the login page of a demo lists them, so the list cannot fall behind the seed.
     */
    @Transactional(readOnly = true)
    public List<Actor> seededAccounts() {
        return seed.users().stream().map(IdentityProperties.Account::username).map(accounts::findById)
                .flatMap(Optional::stream).map(UserAccount::actor).toList();
    }

    /** How a person is named to people: their name, or the username when the account is unknown (a removed one). */
    @Transactional(readOnly = true)
    public String personName(String username) {
        return actor(username).map(Actor::name).filter(n -> !n.isBlank()).orElse(username);
    }

    /** Every enabled account, ordered by username: who can still be told something (a locked one only waits). */
    @Transactional(readOnly = true)
    public List<Actor> enabledActors() {
        return accounts.findEnabled().stream().map(UserAccount::actor).toList();
    }

    /** The administrators, whom a page names when only they can help (add a reviewer, hand a task on). */
    public List<Actor> administrators() {
        return actors().stream().filter(a -> a.is(Role.ADMIN)).toList();
    }

    /**
     * Whether the password is this enabled, unlocked account's (the Camunda webapps' login); a wrong one counts
     * towards the lockout like a failed login of ours.
     */
    public boolean passwordMatches(String username, String rawPassword) {
        return attempts.check(username, rawPassword);
    }

    /** Every budget unit as it is now (kept in memory until a change is committed on any node). */
    public UnitTree units() {
        return version.tree(this::loadUnits);
    }

    private UnitTree loadUnits() {
        Map<String, Set<String>> oversees = new HashMap<>();
        jdbc.query("select finance_unit, department from finance_oversight", rs -> {
            oversees.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        List<Unit> units = new ArrayList<>();
        jdbc.query("select code, name, kind, parent_code, active from budget_unit", rs -> {
            String code = rs.getString(1);
            units.add(new Unit(code, rs.getString(2), UnitKind.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getBoolean(5), oversees.get(code)));
        });
        return new UnitTree(units);
    }

    /** The code of an active filing unit given by its Chinese name (as a sheet names it) or by its code. */
    public Optional<String> departmentCode(String nameOrCode) {
        var tree = units();
        return tree.all().stream().filter(u -> u.kind().files() && u.active())
                .filter(u -> u.code().equals(nameOrCode) || u.name().equals(nameOrCode))
                .map(Unit::code).findFirst();
    }

    /** Every active unit declarations are filed for (主管部门 and 二级单位): code → Chinese name, sorted by code. */
    public Map<String, String> departments() {
        Map<String, String> out = new TreeMap<>();
        units().all().stream().filter(u -> u.kind().files() && u.active()).forEach(u -> out.put(u.code(), u.name()));
        return out;
    }

    /** Every unit's Chinese name by code, active or not (old records name deactivated units too). */
    public Map<String, String> unitNames() {
        Map<String, String> out = new TreeMap<>();
        units().all().forEach(u -> out.put(u.code(), u.name()));
        return out;
    }

    /** The Chinese name of a unit code, or the code itself when unknown. */
    public String departmentName(String code) {
        if (code == null) {
            return null;
        }
        var names = jdbc.queryForList("select name from budget_unit where code = ?", String.class, code);
        return names.isEmpty() ? code : names.get(0);
    }
}
