package cn.perftarget.declaration;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/**
 * 财政's view of a year's 绩效运行监控: each monitoring follow-up the caller may see (a follow-up whose template has a
 * period), with how many indicators its forecast puts off target, how many of those are unexplained, its warnings
 * (such as 执行率 behind the time share) and a signal: 红 when a deviation is unexplained or a warning stands, 黄 when
 * every deviation is explained, 绿 when there is none; no signal while the form is incomplete.
 */
@Service
@Transactional(readOnly = true)
public class MonitoringOverview {

    /** 红黄绿: how urgently 财政 should look at a unit's monitoring. */
    public enum Signal {
        RED("红"), AMBER("黄"), GREEN("绿");

        private final String label;

        Signal(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One monitoring follow-up; {@code signal} is null while its form still has errors (填报中). */
    public record Line(long id, long basedOn, String department, String departmentName, String period,
                       DeclarationStatus status, int offTarget, int unexplained, List<String> warnings, Signal signal) {

        /** 01-07 → 1–7月. */
        public String periodLabel() {
            return MonitoringRounds.label(period);
        }
    }

    private final Declarations declarations;
    private final Access access;
    private final SubmissionCheck check;
    private final Directory directory;

    MonitoringOverview(Declarations declarations, Access access, SubmissionCheck check, Directory directory) {
        this.declarations = declarations;
        this.access = access;
        this.check = check;
        this.directory = directory;
    }

    /** The year's monitoring follow-ups in the caller's scope, by department and period. */
    public List<Line> of(Actor actor, int year) {
        Specification<Declaration> monitoring = (root, query, cb) -> cb.isNotNull(root.get("followUpPeriod"));
        return declarations.findAll(access.listable(actor, null, year).and(monitoring),
                Sort.by("department", "followUpPeriod", "id")).stream().map(this::line).toList();
    }

    private Line line(Declaration d) {
        var report = check.report(d);
        var deviations = check.deviations(d);
        int unexplained = (int) deviations.stream().filter(x -> !x.explained()).count();
        var warnings = report.warnings().stream().map(cn.perftarget.validation.Finding::message).toList();
        Signal signal;
        if (!report.errors().isEmpty() && unexplained == 0) {
            signal = null;
        } else if (unexplained > 0 || !warnings.isEmpty()) {
            signal = Signal.RED;
        } else {
            signal = deviations.isEmpty() ? Signal.GREEN : Signal.AMBER;
        }
        return new Line(d.id(), d.basedOn(), d.department(), directory.departmentName(d.department()),
                d.followUpPeriod(), d.status(), deviations.size(), unexplained, warnings, signal);
    }
}
