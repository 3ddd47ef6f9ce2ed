package cn.perftarget.message;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after the fact, so that sending never blocks or fails anybody's action. Each round takes the
 * due emails, claims each with a guarded UPDATE (only one node's claim changes the row), sends it outside any
 * transaction, and records SENT, or a retry after a growing delay, or FAILED after the last attempt. A node that dies
 * between claim and result leaves a claim that runs out ({@code claim-for}), and another round sends the email then:
 * at least once, and exactly once unless a node dies after the SMTP server took the email and before SENT is written.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository emails;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageProperties properties;
    private final MessageMeters meters;
    private final Clock clock;
    private final String node;
    private boolean warnedNoServer;

    OutboxSender(OutboxRepository emails, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mail,
                 MessageProperties properties, MessageMeters meters, Clock clock) {
        this.emails = emails;
        this.transactions = new TransactionTemplate(transactions);
        this.mail = mail;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.node = nodeName();
    }

    @Scheduled(initialDelayString = "${perftarget.messages.email.poll-interval:PT10S}",
               fixedDelayString = "${perftarget.messages.email.poll-interval:PT10S}")
    // synchronized: one scheduled round at a time on a node (rounds of other nodes are kept apart by the claims).
    synchronized void poll() {
        if (properties.email().enabled()) {
            try {
                sendDue(node);
            } catch (RuntimeException e) {
                // The database may be gone for a moment; the next round tries again.
                log.warn("邮件发送轮次出错，下一轮重试：{}", e.toString());
            }
        }
    }

    /** One round as node {@code claimant}; returns how many emails it sent. */
    int sendDue(String claimant) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            if (!warnedNoServer) {
                log.warn("perftarget.messages.email.enabled 为 true，但没有配置 spring.mail.host：邮件留在发件箱中等待");
                warnedNoServer = true;
            }
            return 0;
        }
        var email = properties.email();
        var now = clock.instant();
        var due = transactions.execute(s -> emails.findDue(now, PageRequest.of(0, email.batchSize())));
        int sent = 0;
        for (Long id : due) {
            Boolean mine = transactions.execute(s -> emails.claim(id, claimant, now, now.plus(email.claimFor())) == 1);
            if (!Boolean.TRUE.equals(mine)) {
                continue; // another node has it
            }
            var outgoing = transactions.execute(s -> emails.findById(id).orElseThrow());
            if (send(sender, claimant, outgoing)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, String claimant, OutboxEmail outgoing) {
        try {
            var message = new SimpleMailMessage();
            message.setFrom(properties.email().from());
            message.setTo(outgoing.address());
            message.setSubject(outgoing.subject());
            message.setText(outgoing.body());
            sender.send(message);
        } catch (RuntimeException e) {
            int attempts = outgoing.attempts() + 1;
            boolean last = attempts >= properties.email().maxAttempts();
            var next = clock.instant().plus(properties.email().delayAfter(attempts));
            String error = clip(String.valueOf(e.getMessage()));
            transactions.executeWithoutResult(s -> emails.markAttemptFailed(outgoing.id(), claimant,
                    last ? Outbox.State.FAILED : Outbox.State.PENDING, next, error));
            if (last) {
                meters.failed();
                log.warn("邮件 {} 发送 {} 次均失败，已标记为 FAILED：{}", outgoing.id(), attempts, error);
            } else {
                log.info("邮件 {} 第 {} 次发送失败，{} 后重试：{}", outgoing.id(), attempts, next, error);
            }
            return false;
        }
        transactions.executeWithoutResult(s -> emails.markSent(outgoing.id(), claimant, clock.instant()));
        meters.sent();
        return true;
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
