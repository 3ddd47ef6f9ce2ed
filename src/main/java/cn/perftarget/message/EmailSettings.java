package cn.perftarget.message;

import java.util.Set;

/** Which kinds of message a user also receives by email, and where; no kinds means no email. */
public record EmailSettings(String email, Set<MessageKind> kinds) {

    public EmailSettings {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
