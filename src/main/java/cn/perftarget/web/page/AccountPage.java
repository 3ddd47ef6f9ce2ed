package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 修改密码 for every signed-in user; its script calls {@code PUT /api/me/password}. */
@Controller
class AccountPage {

    @GetMapping("/me/password")
    String password(Model model) {
        model.addAttribute("activeMenu", "/me/password");
        return "me/password";
    }
}
