package cn.perftarget.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.perftarget.identity.Role;

/**
 * Authorization before content: the endpoints whose caller is decided by role alone refuse other roles in the
 * security chain, before a parameter or a body (JSON, CSV, multipart) is read, so a filer learns 403 whatever they
 * send instead of a 400 about a body they may not send at all (or a 500 from a multipart parser). The use cases
 * check the same roles again; what depends on the declaration (404 for what one may not see, the owning filer, the
 * reviewer whose step it is) stays with them.
 */
final class RoleGate {

    private record Rule(RequestMatcher matcher, List<Role> roles, String refusal) {
    }

    private static final List<Rule> RULES = List.of(
            rule(null, "/api/admin/**", "系统管理（单位、用户、备份等）只能由系统管理员执行", Role.ADMIN),
            rule(HttpMethod.POST, "/api/imports", "批量导入只对主管部门审核人和财政审核人开放",
                    Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER),
            rule(HttpMethod.POST, "/api/declarations", "只有填报人可以新建申报表", Role.FILER),
            rule(HttpMethod.POST, "/api/monitoring-rounds", "只有财政审核人可以开启运行监控", Role.FINANCE_REVIEWER),
            rule(HttpMethod.POST, "/api/self-evaluation-rechecks", "只有财政审核人可以抽取财政复核样本", Role.FINANCE_REVIEWER),
            rule(HttpMethod.PUT, "/api/self-evaluation-rechecks/**", "只有财政审核人可以记录财政复核得分", Role.FINANCE_REVIEWER),
            rule(HttpMethod.GET, "/api/self-evaluation-rechecks", "财政复核样本只对财政、审计和管理员开放",
                    Role.FINANCE_REVIEWER, Role.AUDITOR, Role.ADMIN),
            rule(null, "/api/tasks", "待审任务只对审核人开放", Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER, Role.EXPERT),
            rule(null, "/api/audit/**", "审计记录只对审计人员开放", Role.AUDITOR));

    private RoleGate() {
    }

    private static Rule rule(HttpMethod method, String pattern, String refusal, Role... roles) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), Arrays.asList(roles), refusal);
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (var rule : RULES) {
            auth.requestMatchers(rule.matcher()).hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
        }
    }

    /** Why the gate refused this request, when a rule of the gate covers it. */
    static Optional<String> refusal(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst().map(Rule::refusal);
    }
}
