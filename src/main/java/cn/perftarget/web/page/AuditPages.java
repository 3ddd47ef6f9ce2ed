package cn.perftarget.web.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationQueries;
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
    private final DeclarationQueries declarations;

    private final ObjectMapper json;

    AuditPages(Directory directory, DeclarationQueries declarations, ObjectMapper json) {
        this.json = json;
        this.directory = directory;
        this.declarations = declarations;
    }

    @GetMapping("/audit")
    String audit(Actor actor, @RequestParam(required = false) Long declaration, Model model) throws JsonProcessingException {
        if (!actor.is(Role.AUDITOR)) {
            throw new ActionForbiddenException("审计查询只对审计人员开放，当前用户角色为“" + actor.role().label() + "”");
        }
        model.addAttribute("departments", directory.departments());
        model.addAttribute("people", directory.actors());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("declaration", declaration);
        var statuses = new java.util.LinkedHashMap<String, String>();
        declarations.statuses().forEach(s -> statuses.put(s.code(), s.label()));
        model.addAttribute("statusLabels", json.writeValueAsString(statuses));
        model.addAttribute("activeMenu", "/audit");
        return "audit";
    }
}
