package cn.perftarget.web.page;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** 批量导入: its script uploads the xlsx files to {@code POST /api/imports} and shows the job's progress per file. */
@Controller
class ImportPage {

    static final Set<Role> IMPORTERS = Set.of(Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER);

    private final FormDefinitions definitions;

    ImportPage(FormDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/imports")
    String imports(Actor actor, Model model) {
        if (!IMPORTERS.contains(actor.role())) {
            throw new ActionForbiddenException("批量导入只对主管部门审核人和财政审核人开放，当前用户角色为“"
                    + actor.role().label() + "”");
        }
        // Follow-ups (监控, 自评) are started on their approved declaration, not imported.
        model.addAttribute("forms", definitions.latestVersions().stream()
                .filter(f -> cn.perftarget.definition.FollowUpTemplate.of(f).isEmpty()).toList());
        // The 样表 is for the budget year being declared: the one after this calendar year.
        model.addAttribute("year", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1);
        model.addAttribute("activeMenu", "/imports");
        return "imports";
    }
}
