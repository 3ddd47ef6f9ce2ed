package cn.perftarget.declaration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a review step's own extension properties follow, every problem at once so an administrator fixes a
 * model in one go. Values are compared exactly, without trimming: whatever reads them later need not guess.
 */
final class StepPropertyRules {

    private static final Pattern REVIEWER = Pattern.compile(
            "department|finance-section|performance-section|role:(DEPT_REVIEWER|FINANCE_REVIEWER|EXPERT|ADMIN)");
    private static final List<String> GRADES = List.of("required", "optional", "none");

    private StepPropertyRules() {
    }

    static List<String> problems(String name, Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("审核环节缺少名称（name），名称是该环节在页面和审批意见中的标签");
        }
        String status = properties.get("status");
        if (DeclarationStatus.isFixed(status)) {
            problems.add("status“" + status + "”是固定的申报状态（DRAFT、RETURNED、APPROVED、REJECTED），不能用作审核环节");
        } else if (!DeclarationStatus.isCode(status)) {
            problems.add("status“" + status + "”无效，应为大写字母开头、由大写字母、数字和下划线组成的 2 至 40 位代码，如 THIRD_PARTY_REVIEW");
        }
        String reviewers = properties.get("reviewers");
        if (reviewers == null) {
            problems.add("审核环节缺少 reviewers，应为 department、finance-section、performance-section 或 role:角色");
        } else if (!REVIEWER.matcher(reviewers).matches()) {
            problems.add("reviewers“" + reviewers + "”无效，应为 department、finance-section、performance-section 或 role:角色"
                    + "（角色为 DEPT_REVIEWER、FINANCE_REVIEWER、EXPERT、ADMIN 之一）");
        }
        outcomes(properties.get("outcomes"), problems);
        String grade = properties.get("grade");
        if (grade != null && !GRADES.contains(grade)) {
            problems.add("grade“" + grade + "”无效，应为 required、optional 或 none（不填即 none）");
        }
        String returnTo = properties.get("returnTo");
        if (returnTo != null && !returnTo.equals(ReviewStepDefinition.RETURN_ANY)
                && !returnTo.equals(ReviewStepDefinition.RETURN_NONE)) {
            for (String code : returnTo.split(",", -1)) {
                if (!DeclarationStatus.isCode(code)) {
                    problems.add("returnTo“" + returnTo + "”无效，应为 any、none 或以英文逗号分隔的本流程其他审核环节的 status");
                    break;
                }
            }
        }
        return problems;
    }

    private static void outcomes(String outcomes, List<String> problems) {
        if (outcomes == null || outcomes.isEmpty()) {
            problems.add("审核环节缺少 outcomes，应为 approve、return、reject 中的一个或多个，以英文逗号分隔");
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String outcome : outcomes.split(",", -1)) {
            if (!ReviewStepDefinition.OUTCOMES.contains(outcome)) {
                problems.add("outcomes“" + outcomes + "”中的“" + outcome + "”无效，应为 approve、return、reject 中的一个或多个，"
                        + "以英文逗号分隔，不含空格");
            } else if (!seen.add(outcome)) {
                problems.add("outcomes“" + outcomes + "”中的“" + outcome + "”重复");
            }
        }
    }
}
