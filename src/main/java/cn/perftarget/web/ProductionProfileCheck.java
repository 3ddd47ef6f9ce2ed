package cn.perftarget.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile with settings only fit for a demo: seed accounts (perftarget.security.users)
 * or a first administrator (PERFTARGET_ADMIN_PASSWORD) with a plain ({@code {noop}}) password or the password
 * {@code demo}, a {@code camunda.bpm.admin-user} (the
 * webapps' users are ours, so it would be ignored or fail the start), the H2 console, the
 * engine's authorization checks off, or a session cookie that is not Secure/HttpOnly. Runs once the configuration
 * files are read and before any bean exists, so a bad start fails at once and names every problem. What only the
 * database knows (an enabled ADMIN exists, no {noop} password is stored) is checked once it is open
 * (identity.OrganisationSeed).
 */
public final class ProductionProfileCheck implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        var problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("生产环境配置（prod）不安全，拒绝启动：" + String.join("；", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        var binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            problems.add("不能同时启用演示配置 demo");
        }
        @SuppressWarnings("rawtypes")
        List<Map> users = binder.bind("perftarget.security.users", Bindable.listOf(Map.class)).orElse(List.of());
        for (var user : users) {
            if (plain(String.valueOf(user.get("password")))) {
                problems.add("用户 " + user.get("username") + " 使用演示或明文密码，请使用 {bcrypt} 密码");
            }
        }
        String bootstrap = environment.getProperty("perftarget.security.bootstrap-admin.password", "");
        if (!bootstrap.isEmpty() && plain(bootstrap)) {
            problems.add("首位管理员密码（PERFTARGET_ADMIN_PASSWORD）不能是演示或明文 {noop} 密码");
        }
        if (adminUserConfigured(environment)) {
            problems.add("camunda.bpm.admin-user 已不再使用：Camunda 网页应用的用户即 PerfTarget 的用户，"
                    + "管理员为 PerfTarget 中角色为 ADMIN 的用户（首位见 PERFTARGET_ADMIN_PASSWORD），请删除该设置");
        }
        if (environment.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
            problems.add("H2 控制台（spring.h2.console.enabled）已开启");
        }
        if (!environment.getProperty("camunda.bpm.authorization.enabled", Boolean.class, false)) {
            problems.add("Camunda 授权检查（camunda.bpm.authorization.enabled）未开启");
        }
        if (!environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)
                || !environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class, true)) {
            problems.add("会话 Cookie 须为 Secure 和 HttpOnly（server.servlet.session.cookie.*）");
        }
        return problems;
    }

    private static boolean plain(String password) {
        return password.startsWith("{noop}") || password.equals("demo") || password.endsWith("}demo");
    }

    private static boolean adminUserConfigured(ConfigurableEnvironment environment) {
        try {
            return environment.containsProperty("camunda.bpm.admin-user.id")
                    || environment.containsProperty("camunda.bpm.admin-user.password");
        } catch (IllegalArgumentException unresolved) {
            return true;
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files and profiles are read (ConfigDataEnvironmentPostProcessor).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
