package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.identity.Actor;

/** The sign-in page, and {@code /} taking a signed-in user to the home page of their role. */
@Controller
class HomePages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Actor actor) {
        return "redirect:" + PageModel.home(actor.role());
    }
}
