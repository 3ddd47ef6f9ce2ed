package cn.perftarget.web.page;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.identity.UnitKind;
import cn.perftarget.message.MessageSettingsService;
import cn.perftarget.message.Outbox;

/**
 * The administrator's pages: the unit tree, the users and the review chains' process models. Their scripts read and
 * change them through {@code /api/admin/units}, {@code /api/admin/users} (one at a time or as a CSV file) and
 * {@code /api/admin/processes}, where the rules live; the email outbox (发件箱) is read here directly.
 */
@Controller
class AdminPages {

    private final Outbox outbox;
    private final MessageSettingsService messageSettings;

    AdminPages(Outbox outbox, MessageSettingsService messageSettings) {
        this.outbox = outbox;
        this.messageSettings = messageSettings;
    }

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

    @GetMapping("/admin/outbox")
    String outbox(Actor actor, @RequestParam(required = false) String status, @RequestParam(required = false) String page,
                  Model model) {
        admin(actor);
        // An unknown status in the address bar shows every email rather than an error page.
        var state = Arrays.stream(Outbox.State.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        var found = outbox.page(state, Pager.pageOf(page), Pager.SIZE);
        model.addAttribute("emails", found.items());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("state", state);
        model.addAttribute("counts", Arrays.stream(Outbox.State.values())
                .collect(java.util.stream.Collectors.toMap(Enum::name, outbox::count)));
        model.addAttribute("emailEnabled", messageSettings.emailEnabled());
        model.addAttribute("activeMenu", "/admin/outbox");
        return "admin/outbox";
    }

    private static void admin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ActionForbiddenException("单位、用户、流程模型和发件箱只能由系统管理员管理，当前用户角色为“" + actor.role().label() + "”");
        }
    }
}
