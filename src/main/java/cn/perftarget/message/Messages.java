package cn.perftarget.message;

import java.time.Clock;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.ResultPage;
import cn.perftarget.identity.Actor;

/** The caller's own messages: newest first, read or unread. Someone else's message does not exist for them (404). */
@Service
@Transactional
public class Messages {

    private final MessageRepository messages;
    private final Clock clock;

    Messages(MessageRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ResultPage<MessageView> page(Actor actor, boolean unreadOnly, int page, int size) {
        PageLimits.require(page, size);
        var request = PageRequest.of(page, size);
        var found = unreadOnly
                ? messages.findByRecipientAndReadAtIsNullOrderByIdDesc(actor.username(), request)
                : messages.findByRecipientOrderByIdDesc(actor.username(), request);
        return new ResultPage<>(found.getContent().stream().map(Message::view).toList(), found.getTotalElements(),
                page, size);
    }

    /** The number on the bell. */
    @Transactional(readOnly = true)
    public long unreadCount(Actor actor) {
        return messages.countByRecipientAndReadAtIsNull(actor.username());
    }

    public MessageView markRead(Actor actor, long id) {
        var message = messages.findByIdAndRecipient(id, actor.username())
                .orElseThrow(() -> new DeclarationNotFoundException("消息 " + id + " 不存在"));
        message.markRead(clock.instant());
        return message.view();
    }

    /** Marks every unread message of the caller read; returns how many were. */
    public int markAllRead(Actor actor) {
        return messages.markAllRead(actor.username(), clock.instant());
    }
}
