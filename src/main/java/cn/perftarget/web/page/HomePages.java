package cn.perftarget.web.page;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.web.SingleSignOn;

/** The sign-in page, and {@code /} taking a signed-in user to the home page of their role. */
@Controller
class HomePages {

    private final SingleSignOn sso;
    private final boolean demo;
    private final Directory directory;

    HomePages(SingleSignOn sso, Environment environment, Directory directory) {
        this.sso = sso;
        this.directory = directory;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("localPasswords", sso.localPasswords());
        model.addAttribute("demo", demo);
        model.addAttribute("demoAccounts", demo ? demoAccounts() : List.of());
        sso.registration().ifPresent(r -> {
            model.addAttribute("ssoHref", "/oauth2/authorization/" + r.getRegistrationId());
            model.addAttribute("ssoLabel", sso.label());
        });
        return "login";
    }

    /** Every demo user as the seed has them, e.g. filer2 李明，填报人，黄陂区教育局. */
    private List<String> demoAccounts() {
        var units = directory.unitNames();
        return directory.seededAccounts().stream().map(a -> a.username() + "（" + a.name() + "，" + a.role().label()
                + (a.department() == null ? "" : "，" + units.getOrDefault(a.department(), a.department())) + "）")
                .toList();
    }

    @GetMapping("/")
    String home(Actor actor) {
        return "redirect:" + PageModel.home(actor.role());
    }
}
