package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditEntry;
import cn.perftarget.audit.AuditTrail;

/**
 * Administrators' changes of the users: add, change name/unit/roles, disable, reset a password, a CSV import of many
 * (all or none); each change is an event of the general audit chain with the user before and after (never a
 * password or its hash). Passwords are stored as Spring Security's {@code {bcrypt}} hashes.
 */
@Service
@Transactional
public class UserAdministration {

    /** The header of a users CSV; {@code roles} separated by {@code |}; {@code password} plain or {bcrypt}. */
    private final UserAccounts accounts;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final jakarta.persistence.EntityManager entities;

    UserAdministration(UserAccounts accounts, Directory directory, PasswordEncoder passwords, AuditTrail audit,
                       jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(UserAccount::view).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return find(username).view();
    }

    /** A new user; a username already taken is a conflict naming that user (replacing one is {@link #change}). */
    public UserView create(Actor admin, UserCommand command) {
        if (command.username() != null && accounts.existsById(command.username())) {
            throw OrganisationProblem.exists("/username", "用户 " + command.username() + " 已存在，未做修改；修改已有用户请用 PUT "
                    + "/api/admin/users/" + command.username(), "/api/admin/users/" + command.username());
        }
        return apply(admin, List.of(new Numbered(null, command)), new ArrayList<>()).get(0);
    }

    /** Changes name, unit, roles and enabled; a password given resets it (and lifts a lockout). */
    public UserView change(Actor admin, String username, UserCommand command) {
        find(username);
        var merged = new UserCommand(username, command.name(), command.unit(), command.roles(), command.enabled(),
                command.password());
        return apply(admin, List.of(new Numbered(null, merged)), new ArrayList<>()).get(0);
    }

    /**
     * Creates or changes every user of the CSV ({@link UserCsv}), or none when any line is bad. An existing user keeps
     * being disabled (or enabled) unless the line's {@code enabled} cell says otherwise.
     */
    public List<UserView> importCsv(Actor admin, String csv) {
        List<OrganisationProblem.Error> errors = new ArrayList<>();
        var commands = UserCsv.read(csv, errors).stream().map(line -> new Numbered(line.line(), line.command())).toList();
        return apply(admin, commands, errors);
    }

    private record Numbered(Integer line, UserCommand command) {
    }

    private List<UserView> apply(Actor admin, List<Numbered> commands, List<OrganisationProblem.Error> errors) {
        Map<String, Unit> units = new TreeMap<>();
        directory.units().all().forEach(u -> units.put(u.code(), u));
        Map<String, UserCommand> accepted = new LinkedHashMap<>();
        Map<String, UserAccount> existing = new java.util.HashMap<>();
        accounts.findAllById(commands.stream().map(n -> n.command().username())
                .filter(java.util.Objects::nonNull).toList()).forEach(a -> existing.put(a.username(), a));
        for (var numbered : commands) {
            var c = numbered.command();
            boolean creating = c.username() == null || !existing.containsKey(c.username());
            List<OrganisationRules.Problem> problems = new ArrayList<>(OrganisationRules.user(c, creating, units));
            if (c.username() != null && accepted.containsKey(c.username())) {
                problems.add(new OrganisationRules.Problem("/username", "用户名 " + c.username() + " 在文件中重复"));
            }
            if (c.username() != null && c.username().equals(admin.username())
                    && (Boolean.FALSE.equals(c.enabled()) || !c.roles().contains(Role.ADMIN))) {
                problems.add(new OrganisationRules.Problem("/roles", "不能停用自己，也不能取消自己的管理员角色"));
            }
            problems.forEach(p -> errors.add(error(numbered.line(), p.path(), p.message())));
            if (problems.isEmpty()) {
                accepted.put(c.username(), c);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(e -> e.line() == null ? 0 : e.line()));
            throw new OrganisationProblem(OrganisationProblem.Kind.INVALID, errors.get(0).message()
                    + (errors.size() > 1 ? "（共 " + errors.size() + " 处错误）" : "") + "；未做任何修改", errors);
        }
        // bcrypt is slow on purpose (~60 ms at cost 10): plain passwords of an import are hashed on every core.
        Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
        accepted.values().parallelStream().filter(c -> c.password() != null)
                .forEach(c -> hashes.put(c.username(), encoded(c.password())));
        List<UserView> saved = new ArrayList<>();
        List<AuditEntry> changes = new ArrayList<>();
        for (var c : accepted.values()) {
            saved.add(save(admin, c, hashes.get(c.username()), existing.containsKey(c.username()), changes));
            // Each look-up flushes after checking every managed entity: keep them few.
            if (saved.size() % 100 == 0) {
                entities.flush();
                entities.clear();
            }
        }
        audit.recordAll(changes);
        return saved;
    }

    private UserView save(Actor admin, UserCommand c, String hash, boolean exists, List<AuditEntry> changes) {
        var roles = EnumSet.copyOf(c.roles());
        var existing = exists ? accounts.findById(c.username()) : java.util.Optional.<UserAccount>empty();
        if (existing.isEmpty()) {
            var account = new UserAccount(c.username(), c.name(), c.unit(), roles, hash);
            if (Boolean.FALSE.equals(c.enabled())) {
                account.change(c.name(), c.unit(), roles, false);
            }
            account = accounts.save(account);
            changes.add(Changes.entry(admin, AuditAction.USER_CREATED, "用户 " + c.username(), null, account.view()));
            return account.view();
        }
        var account = existing.get();
        var before = account.view();
        account.change(c.name(), c.unit(), roles, c.enabled() == null ? account.enabled() : c.enabled());
        if (hash != null) {
            account.password(hash);
            account.unlock();
        }
        var after = account.view();
        if (!after.equals(before) || hash != null) {
            changes.add(Changes.entry(admin, AuditAction.USER_CHANGED, "用户 " + c.username()
                    + (hash != null ? "（重置密码）" : ""), before, after));
        }
        return after;
    }

    /** The user's own new password, given the current one. */
    public void changePassword(Actor self, String current, String next) {
        var account = find(self.username());
        boolean matches;
        try {
            matches = current != null && passwords.matches(current, account.password());
        } catch (IllegalArgumentException noEncoder) {
            matches = false;
        }
        if (!matches) {
            throw OrganisationProblem.invalid("/current", "当前密码（current）不正确");
        }
        if (next == null || next.startsWith("{")) {
            throw OrganisationProblem.invalid("/new", "新密码（new）至少 " + OrganisationRules.MIN_PASSWORD + " 个字符");
        }
        OrganisationRules.password("/new", next, self.username()).ifPresent(p -> {
            throw OrganisationProblem.invalid(p.path(), p.message().replace("密码", "新密码（new）"));
        });
        if (next.equals(current)) {
            throw OrganisationProblem.invalid("/new", "新密码（new）不能与当前密码相同");
        }
        account.password(encoded(next));
        audit.record(Changes.entry(self, AuditAction.PASSWORD_CHANGED, "用户 " + self.username() + " 修改了自己的密码",
                null, null));
    }

    private UserAccount find(String username) {
        return accounts.findById(username).orElseThrow(() -> OrganisationProblem.notFound("用户 " + username + " 不存在"));
    }

    private String encoded(String password) {
        return password.startsWith("{bcrypt}") ? password : passwords.encode(password);
    }

    static OrganisationProblem.Error error(Integer line, String path, String message) {
        return new OrganisationProblem.Error(path, line, line == null ? message : "第 " + line + " 行：" + message);
    }
}
