package cn.perftarget.message;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message to each recipient, and its email to the outbox where the recipient asked for that kind by email,
 * in the transaction of the action that caused it (MANDATORY: a message never outlives a rolled-back action, and an
 * action never commits without its messages). Sending happens later ({@link OutboxSender}).
 */
@Component
class MessageWriter {

    private final MessageRepository messages;
    private final MessageSettingsRepository settings;
    private final OutboxRepository outbox;
    private final MessageProperties properties;
    private final Clock clock;

    MessageWriter(MessageRepository messages, MessageSettingsRepository settings, OutboxRepository outbox,
                  MessageProperties properties, Clock clock) {
        this.messages = messages;
        this.settings = settings;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** To every recipient once, except {@code actor}: nobody is told what they just did themselves. */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(Collection<String> recipients, String actor, MessageKind kind, Long declarationId, String title,
               String text) {
        var now = clock.instant();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient.equals(actor)) {
                continue;
            }
            var message = messages.save(new Message(recipient, kind, declarationId, clip(title, 300), clip(text, 2000), now));
            if (properties.email().enabled()) {
                settings.findById(recipient).filter(s -> s.wantsEmail(kind)).ifPresent(s -> outbox.save(
                        new OutboxEmail(message.id(), s.email(), clip("【绩效目标申报】" + title, 300),
                                emailBody(text, declarationId), now)));
            }
        }
    }

    private String emailBody(String text, Long declarationId) {
        String base = properties.email().baseUrl();
        String link = declarationId == null || base.isBlank() ? ""
                : "\n\n查看申报表：" + base.replaceAll("/+$", "") + "/declarations/" + declarationId;
        return clip(text + link + "\n\n（本邮件由绩效目标申报系统自动发送，请勿回复。可在系统的“消息设置”中更改。）", 4000);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
