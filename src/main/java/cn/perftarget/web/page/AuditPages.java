package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/**
 * The auditor's page: its script searches {@code /api/audit/events} (filters, paging, CSV), shows a declaration's
 * {@code /history} and runs {@code /api/audit/verify}.
 */
@Controller
class AuditPages {

    private final Directory directory;

    AuditPages(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/audit")
    String audit(Actor actor, @RequestParam(required = false) Long declaration, Model model) {
        if (!actor.is(Role.AUDITOR)) {
            throw new ActionForbiddenException("审计查询只对审计人员开放，当前用户角色为“" + actor.role().label() + "”");
        }
        model.addAttribute("departments", directory.departments());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("declaration", declaration);
        model.addAttribute("activeMenu", "/audit");
        return "audit";
    }
}
