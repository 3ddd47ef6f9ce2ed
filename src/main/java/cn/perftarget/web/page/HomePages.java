package cn.perftarget.web.page;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.identity.Actor;
import cn.perftarget.web.SingleSignOn;

/** The sign-in page, and {@code /} taking a signed-in user to the home page of their role. */
@Controller
class HomePages {

    private final SingleSignOn sso;
    private final boolean demo;

    HomePages(SingleSignOn sso, Environment environment) {
        this.sso = sso;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("localPasswords", sso.localPasswords());
        model.addAttribute("demo", demo);
        sso.registration().ifPresent(r -> {
            model.addAttribute("ssoHref", "/oauth2/authorization/" + r.getRegistrationId());
            model.addAttribute("ssoLabel", sso.label());
        });
        return "login";
    }

    @GetMapping("/")
    String home(Actor actor) {
        return "redirect:" + PageModel.home(actor.role());
    }
}
