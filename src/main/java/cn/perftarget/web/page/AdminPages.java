package cn.perftarget.web.page;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.identity.UnitKind;

/**
 * The administrator's pages: the unit tree, the users and the review chains' process models. Their scripts read and
 * change them through {@code /api/admin/units}, {@code /api/admin/users} (one at a time or as a CSV file) and
 * {@code /api/admin/processes}, where the rules live.
 */
@Controller
class AdminPages {

    @GetMapping("/admin/units")
    String units(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("activeMenu", "/admin/units");
        return "admin/units";
    }

    @GetMapping("/admin/users")
    String users(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).toList());
        model.addAttribute("activeMenu", "/admin/users");
        return "admin/users";
    }

    @GetMapping("/admin/processes")
    String processes(Actor actor, Model model) {
        admin(actor);
        model.addAttribute("activeMenu", "/admin/processes");
        return "admin/processes";
    }

    private static void admin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("单位、用户和流程模型只能由系统管理员管理，当前用户角色为“" + actor.role().label() + "”");
        }
    }
}
