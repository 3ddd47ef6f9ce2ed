package cn.perftarget.web.page;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.MonitoringOverview;
import cn.perftarget.declaration.MonitoringRounds;
import cn.perftarget.declaration.SelfEvaluationRechecks;
import cn.perftarget.declaration.SubmissionDeadlines;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * 财政's progress overview: for a budget year, each department's declarations by status, overdue first. The counts
 * come grouped from the database; each line links at most {@link #LINKS} declarations (the newest), and the
 * department's full list is a paged /declarations away. Below it, the year's 绩效运行监控: its rounds (the 绩效科 opens one here),
 * each unit's form with its signal, and the units a round asked that have none yet; last, the 财政复核 sample of
 * the year's self-evaluations (the 绩效科 draws it and records each 复核 score here).
 */
@Controller
class DashboardPage {

    static final int LINKS = 10;

    private static final Set<Role> VIEWERS = Set.of(Role.FINANCE_REVIEWER, Role.AUDITOR, Role.ADMIN);

    /** One department's line; {@code missing}: no declaration at all (未填报); {@code total}: all it has. */
    record Line(String department, String name, List<DeclarationView> declarations, long total,
                Map<DeclarationStatus, Long> counts, boolean missing, boolean overdue) {
    }

    private final DeclarationQueries queries;
    private final Directory directory;
    private final SubmissionDeadlines deadlines;
    private final Clock clock;
    private final MonitoringOverview monitoring;
    private final MonitoringRounds rounds;
    private final SelfEvaluationRechecks rechecks;

    DashboardPage(DeclarationQueries queries, Directory directory, SubmissionDeadlines deadlines, Clock clock,
                  MonitoringOverview monitoring, MonitoringRounds rounds, SelfEvaluationRechecks rechecks) {
        this.rechecks = rechecks;
        this.rounds = rounds;
        this.monitoring = monitoring;
        this.queries = queries;
        this.directory = directory;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(Actor actor, @RequestParam(required = false) Integer year, Model model) {
        if (!VIEWERS.contains(actor.role())) {
            throw new ActionForbiddenException("填报进度只对财政、审计和管理员开放，当前用户角色为“" + actor.role().label() + "”");
        }
        int budgetYear = year == null ? Year.now(clock).getValue() + 1 : year;
        var progress = queries.progress(actor, budgetYear);
        boolean pastDeadline = clock.instant().isAfter(deadlines.deadline(budgetYear));
        var lines = new ArrayList<Line>();
        var scope = queries.scopeOf(actor);
        directory.departments().forEach((code, name) -> {
            if (!scope.covers(code, null, java.util.Set.of())) {
                return;
            }
            Map<DeclarationStatus, Long> counts = progress.counts().getOrDefault(code, Map.of());
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            boolean missing = total == 0;
            var shown = missing ? List.<DeclarationView>of() : queries.declarationsOfDepartment(actor, code, budgetYear, LINKS);
            boolean overdue = missing ? pastDeadline : progress.overdue().getOrDefault(code, 0L) > 0;
            lines.add(new Line(code, name, shown, total, counts, missing, overdue));
        });
        lines.sort(Comparator.comparing((Line l) -> !l.overdue()).thenComparing(l -> !l.missing())
                .thenComparing(Line::department));
        model.addAttribute("year", budgetYear);
        model.addAttribute("lines", lines);
        model.addAttribute("statuses", queries.statuses());
        model.addAttribute("missingCount", lines.stream().filter(Line::missing).count());
        model.addAttribute("deadline", deadlines.deadline(budgetYear));
        model.addAttribute("monitoring", monitoring.of(actor, budgetYear));
        model.addAttribute("rounds", rounds.of(actor, budgetYear));
        model.addAttribute("awaited", rounds.awaited(actor, budgetYear));
        model.addAttribute("canOpenRound", rounds.mayOpen(actor));
        model.addAttribute("recheck", rechecks.of(actor, budgetYear).orElse(null));
        model.addAttribute("canRecheck", rechecks.mayRecheck(actor));
        model.addAttribute("activeMenu", "/dashboard");
        return "dashboard";
    }
}
