package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The groups our users have in the Camunda webapps: one per role, named as the candidate groups of
 * processes/DeclarationApproval.bpmn, and one per department for its 主管部门 reviewers (the department review task's
 * candidate group); 财政 reviewers are in {@code finance-reviewers-all} (the 绩效科) or in
 * {@code finance-reviewers-<主管部门>} for each 主管部门 归口 to their 科室 (the finance review task's candidate groups), so
 * Tasklist shows a reviewer the tasks of their step that GET /api/tasks shows them. Administrators are in
 * {@code camunda-admin}, as the webapps expect.
 */
public final class WorkGroups {

    public static final String FILERS = "filers";
    public static final String DEPT_REVIEWERS = "dept-reviewers";
    public static final String FINANCE_REVIEWERS = "finance-reviewers";
    public static final String EXPERTS = "experts";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "camunda-admin";
    /** The 绩效科's reviewers: candidates for every finance review. */
    public static final String FINANCE_REVIEWERS_ALL = "finance-reviewers-all";

    private static final Map<Role, String> OF_ROLE = Map.of(Role.FILER, FILERS, Role.DEPT_REVIEWER, DEPT_REVIEWERS,
            Role.FINANCE_REVIEWER, FINANCE_REVIEWERS, Role.EXPERT, EXPERTS, Role.AUDITOR, AUDITORS, Role.ADMIN, ADMINS);

    private WorkGroups() {
    }

    /** The group of everyone with this role. */
    public static String of(Role role) {
        var group = OF_ROLE.get(role);
        if (group == null) {
            throw new IllegalArgumentException("角色 " + role + " 没有工作组");
        }
        return group;
    }

    /** The candidate group of a department's review task: {@code dept-reviewers-HP-BDC}. */
    public static String deptReviewersOf(String department) {
        return DEPT_REVIEWERS + "-" + department;
    }

    /** A candidate group of a finance review of this 主管部门's declarations: {@code finance-reviewers-HP-EDU}. */
    public static String financeReviewersOf(String department) {
        return FINANCE_REVIEWERS + "-" + department;
    }

    /** The groups an actor is in; administrators also supervise escalated reviews. */
    public static List<String> of(Actor actor, UnitTree units, String escalationGroup) {
        List<String> groups = new ArrayList<>(actor.roles().stream().sorted().map(WorkGroups::of).toList());
        if (actor.is(Role.DEPT_REVIEWER) && actor.department() != null) {
            groups.add(deptReviewersOf(actor.department()));
        }
        if (actor.is(Role.FINANCE_REVIEWER)) {
            units.unit(actor.department()).ifPresent(unit -> {
                if (unit.kind() == UnitKind.PERFORMANCE_SECTION) {
                    groups.add(FINANCE_REVIEWERS_ALL);
                } else if (unit.kind() == UnitKind.FINANCE_SECTION) {
                    unit.oversees().stream().sorted().forEach(d -> groups.add(financeReviewersOf(d)));
                }
            });
        }
        if (actor.is(Role.ADMIN)) {
            groups.add(escalationGroup);
        }
        return groups;
    }
}
