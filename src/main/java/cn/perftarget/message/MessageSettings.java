package cn.perftarget.message;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's choice of which kinds of message also arrive by email, and at which address. */
@Entity
@Table(name = "message_settings")
class MessageSettings {

    @Id
    private String username;
    private String email;
    /** Kind names separated by commas. */
    private String emailKinds;

    protected MessageSettings() {
    }

    MessageSettings(String username) {
        this.username = username;
        this.emailKinds = "";
    }

    String email() {
        return email;
    }

    Set<MessageKind> emailKinds() {
        var kinds = EnumSet.noneOf(MessageKind.class);
        Arrays.stream(emailKinds.split(",")).filter(s -> !s.isBlank()).forEach(s -> {
            try {
                kinds.add(MessageKind.valueOf(s));
            } catch (IllegalArgumentException gone) {
                // A kind a later release dropped: no longer offered, nothing to send.
            }
        });
        return kinds;
    }

    boolean wantsEmail(MessageKind kind) {
        return email != null && !email.isBlank() && emailKinds().contains(kind);
    }

    void change(String email, Set<MessageKind> kinds) {
        this.email = email;
        this.emailKinds = kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
