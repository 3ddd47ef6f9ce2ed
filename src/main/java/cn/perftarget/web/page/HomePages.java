package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.identity.Actor;
import cn.perftarget.web.SingleSignOn;

/** The sign-in page, and {@code /} taking a signed-in user to the home page of their role. */
@Controller
class HomePages {

    private final SingleSignOn sso;

    HomePages(SingleSignOn sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("localPasswords", sso.localPasswords());
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
