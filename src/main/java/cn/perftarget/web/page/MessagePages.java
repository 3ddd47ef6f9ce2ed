package cn.perftarget.web.page;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.identity.Actor;
import cn.perftarget.message.EmailSettings;
import cn.perftarget.message.MessageKind;
import cn.perftarget.message.MessageSettingsService;
import cn.perftarget.message.Messages;

/** 消息 (the list behind the header's bell) and 消息设置 (which kinds also come by email), for every signed-in user. */
@Controller
class MessagePages {

    private final Messages messages;
    private final MessageSettingsService settings;

    MessagePages(Messages messages, MessageSettingsService settings) {
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/messages")
    String list(Actor actor, @RequestParam(required = false) String page,
                @RequestParam(required = false) String unread, Model model) {
        boolean unreadOnly = "true".equals(unread);
        var found = messages.page(actor, unreadOnly, Pager.pageOf(page), Pager.SIZE);
        model.addAttribute("messagesPage", found.items());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("unreadOnly", unreadOnly);
        model.addAttribute("activeMenu", "/messages");
        return "me/messages";
    }

    /** 全部已读: a plain form post (CSRF-protected), then the list again. */
    @PostMapping("/messages/read-all")
    String readAll(Actor actor) {
        messages.markAllRead(actor);
        return "redirect:/messages";
    }

    @GetMapping("/me/settings")
    String settings(Actor actor, @RequestParam(required = false) String saved, Model model) {
        show(model, settings.of(actor), saved != null ? "已保存消息设置。" : null, null);
        return "me/settings";
    }

    @PostMapping("/me/settings")
    String save(Actor actor, @RequestParam(required = false) String email,
                @RequestParam(required = false) List<String> emailKinds, Model model) {
        var kinds = EnumSet.noneOf(MessageKind.class);
        for (String kind : emailKinds == null ? List.<String>of() : emailKinds) {
            try {
                kinds.add(MessageKind.valueOf(kind));
            } catch (IllegalArgumentException unknown) {
                show(model, new EmailSettings(email, kinds), null, "消息类型“" + kind + "”不存在");
                return "me/settings";
            }
        }
        try {
            settings.change(actor, new EmailSettings(email, kinds));
        } catch (InvalidRequestException e) {
            show(model, new EmailSettings(email, kinds), null, e.getMessage());
            return "me/settings";
        }
        return "redirect:/me/settings?saved";
    }

    private void show(Model model, EmailSettings current, String notice, String error) {
        model.addAttribute("settings", current);
        model.addAttribute("kinds", MessageKind.values());
        model.addAttribute("emailEnabled", settings.emailEnabled());
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        model.addAttribute("activeMenu", "/me/settings");
    }
}
