package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The groups our users have in the Camunda webapps: one per role, named as the candidate groups of
 * processes/DeclarationApproval.bpmn, and one per department for its 主管部门 reviewers (the department review task's
 * candidate group), so Tasklist shows a reviewer the tasks of their step that GET /api/tasks shows them. Administrators
 * are in {@code camunda-admin}, as the webapps expect.
 */
public final class WorkGroups {

    public static final String FILERS = "filers";
    public static final String DEPT_REVIEWERS = "dept-reviewers";
    public static final String FINANCE_REVIEWERS = "finance-reviewers";
    public static final String EXPERTS = "experts";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "camunda-admin";

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

    /** The groups an actor is in; administrators also supervise escalated reviews. */
    public static List<String> of(Actor actor, String escalationGroup) {
        List<String> groups = new ArrayList<>(List.of(of(actor.role())));
        if (actor.is(Role.DEPT_REVIEWER) && actor.department() != null) {
            groups.add(deptReviewersOf(actor.department()));
        }
        if (actor.is(Role.ADMIN)) {
            groups.add(escalationGroup);
        }
        return groups;
    }
}
