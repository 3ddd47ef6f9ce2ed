package cn.perftarget.message;

import java.util.EnumSet;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.identity.Actor;

/** 消息设置: each user's own choice of which messages also come by email. */
@Service
@Transactional
public class MessageSettingsService {

    // Deliberately loose: the SMTP server is the judge of an address; this catches typing slips only.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MessageSettingsRepository settings;
    private final MessageProperties properties;

    MessageSettingsService(MessageSettingsRepository settings, MessageProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public EmailSettings of(Actor actor) {
        return settings.findById(actor.username()).map(s -> new EmailSettings(s.email(), s.emailKinds()))
                .orElse(new EmailSettings(null, EnumSet.noneOf(MessageKind.class)));
    }

    public EmailSettings change(Actor actor, EmailSettings wanted) {
        String email = wanted.email() == null || wanted.email().isBlank() ? null : wanted.email().strip();
        if (email != null && (email.length() > 200 || !ADDRESS.matcher(email).matches())) {
            throw InvalidRequestException.of("/email", "settings.email", "“" + email + "”不是有效的电子邮件地址");
        }
        if (email == null && !wanted.kinds().isEmpty()) {
            throw InvalidRequestException.of("/email", "settings.email-required", "选择了用邮件接收的消息，请填写电子邮件地址");
        }
        var mine = settings.findById(actor.username()).orElseGet(() -> new MessageSettings(actor.username()));
        mine.change(email, wanted.kinds().isEmpty() ? EnumSet.noneOf(MessageKind.class) : EnumSet.copyOf(wanted.kinds()));
        settings.save(mine);
        return of(actor);
    }

    /** Whether the email channel is switched on at all (perftarget.messages.email.enabled); the page says so. */
    public boolean emailEnabled() {
        return properties.email().enabled();
    }
}
