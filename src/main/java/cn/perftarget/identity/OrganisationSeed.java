package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;

/**
 * At start, before the server takes requests: writes the configured units and users (perftarget.security: the demo
 * profile's demo organisation, or an operator's one-time seed) that the database lacks, and nothing else, so what
 * the administration changed stays; creates the first administrator from PERFTARGET_ADMIN_PASSWORD when there is
 * no enabled ADMIN. The {@code prod} profile then refuses to start without an enabled ADMIN or with a plain
 * ({noop}) password in the database (e.g. demo accounts). Nodes started together seed one after the other.
 */
@Component
class OrganisationSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSeed.class);

    private final IdentityProperties properties;
    private final BudgetUnits units;
    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final OrganisationVersion version;

    OrganisationSeed(IdentityProperties properties, BudgetUnits units, UserAccounts users, PasswordEncoder passwords,
                     AuditTrail audit, PlatformTransactionManager transactions, Environment environment,
                     OrganisationVersion version) {
        this.properties = properties;
        this.units = units;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.environment = environment;
        this.version = version;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            // First, once per start, seeded or not: the bump locks the version row until this commits, so a node
            // started at the same moment on the same database waits here and then finds what this one wrote.
            version.bump();
            seedUnits();
            seedUsers();
            bootstrapAdmin();
        });
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            refuseUnsafeAccounts();
        }
    }

    private void seedUnits() {
        List<IdentityProperties.UnitSeed> pending = new ArrayList<>();
        properties.departments().forEach((code, name) ->
                pending.add(new IdentityProperties.UnitSeed(code, name, UnitKind.DEPARTMENT, null, null)));
        pending.addAll(properties.units());
        // Parents first: a unit waits until its parent exists; what never gets one is a configuration error.
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                var seed = it.next();
                if (seed.parent() != null && !units.existsById(seed.parent())) {
                    continue;
                }
                var existing = units.findById(seed.code());
                if (existing.isEmpty()) {
                    units.saveAndFlush(new BudgetUnit(seed.code(), seed.name(), seed.kind(), seed.parent(),
                            seed.oversees() == null ? Set.of() : new LinkedHashSet<>(seed.oversees())));
                } else if (existing.get().name().equals(seed.code()) && seed.name() != null) {
                    existing.get().rename(seed.name());
                }
                it.remove();
                progress = true;
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("单位 " + pending.get(0).code() + " 的上级单位 " + pending.get(0).parent()
                    + " 不存在（perftarget.security.units）");
        }
    }

    private void seedUsers() {
        for (var account : properties.users()) {
            if (users.existsById(account.username())) {
                continue;
            }
            if (account.unitCode() != null && !units.existsById(account.unitCode())) {
                throw new IllegalStateException("用户 " + account.username() + " 的单位 " + account.unitCode()
                        + " 不存在（perftarget.security.units 或 departments）");
            }
            if (account.allRoles().isEmpty()) {
                throw new IllegalStateException("用户 " + account.username() + " 没有角色（perftarget.security.users）");
            }
            users.save(new UserAccount(account.username(), account.name() == null ? account.username() : account.name(),
                    account.unitCode(), EnumSet.copyOf(account.allRoles()), encoded(account.password())));
        }
        users.flush();
    }

    private void bootstrapAdmin() {
        var admin = properties.bootstrapAdmin();
        if (admin.password() == null || hasEnabledAdmin()) {
            return;
        }
        if (users.existsById(admin.username())) {
            throw new IllegalStateException("首位管理员 " + admin.username() + " 已是一个非管理员用户，请另选用户名"
                    + "（perftarget.security.bootstrap-admin.username）");
        }
        var account = users.save(new UserAccount(admin.username(), "系统管理员", null, EnumSet.of(Role.ADMIN),
                encoded(admin.password())));
        audit.record(Changes.entry("system", Role.SYSTEM, AuditAction.USER_CREATED,
                "首位系统管理员 " + admin.username() + "（PERFTARGET_ADMIN_PASSWORD）", null, account.view()));
        log.info("Created the first administrator {} from perftarget.security.bootstrap-admin", admin.username());
    }

    private boolean hasEnabledAdmin() {
        return users.findAll().stream().anyMatch(u -> u.enabled() && u.roles().contains(Role.ADMIN));
    }

    private void refuseUnsafeAccounts() {
        List<String> problems = new ArrayList<>();
        users.findAll().stream().filter(u -> u.password().startsWith("{noop}"))
                .forEach(u -> problems.add("用户 " + u.username() + " 使用演示或明文密码，请使用 {bcrypt} 密码"));
        if (!hasEnabledAdmin()) {
            problems.add("没有启用的系统管理员（角色 ADMIN）：请设置 PERFTARGET_ADMIN_PASSWORD 以创建首位管理员");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("生产环境配置（prod）不安全，拒绝启动：" + String.join("；", problems));
        }
    }

    private String encoded(String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("种子用户缺少密码（perftarget.security.users[].password）");
        }
        return password.startsWith("{") ? password : passwords.encode(password);
    }
}
