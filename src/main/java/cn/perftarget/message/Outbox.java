package cn.perftarget.message;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.ResultPage;

/** The email outbox as administrators see it. */
@Service
@Transactional(readOnly = true)
public class Outbox {

    /** PENDING: waiting or retrying; SENT: delivered to the SMTP server; FAILED: given up after the last attempt. */
    public enum State { PENDING, SENT, FAILED }

    private final OutboxRepository emails;

    Outbox(OutboxRepository emails) {
        this.emails = emails;
    }

    public ResultPage<OutboxEntry> page(State state, int page, int size) {
        PageLimits.require(page, size);
        var request = PageRequest.of(page, size);
        var found = state == null ? emails.findAllByOrderByIdDesc(request) : emails.findByStatusOrderByIdDesc(state, request);
        return new ResultPage<>(found.getContent().stream().map(OutboxEmail::entry).toList(), found.getTotalElements(),
                page, size);
    }

    public long count(State state) {
        return emails.countByStatus(state);
    }
}
