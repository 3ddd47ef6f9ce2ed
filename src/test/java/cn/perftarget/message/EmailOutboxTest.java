package cn.perftarget.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.perftarget.Api;
import cn.perftarget.Fixtures;
import cn.perftarget.web.page.PageSession;

/**
 * The email channel against a real SMTP server (GreenMail on a free port): an email chosen in the settings is
 * delivered once, even with three senders (the schedule and two "nodes") claiming the same outbox; a server that
 * refuses is retried with backoff and the email then marked FAILED, while the action that caused it succeeded.
 * An application of its own (own in-memory database and engine) with the channel switched on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mail-${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=mail",
        "camunda.bpm.webapp.enabled=false",
        "perftarget.messages.email.enabled=true",
        "perftarget.messages.email.from=jxmb@example.gov.cn",
        "perftarget.messages.email.base-url=https://jxmb.example.gov.cn",
        "perftarget.messages.email.max-attempts=3",
        "perftarget.messages.email.backoff=PT0.2S",
        "perftarget.messages.email.poll-interval=PT0.3S",
        "perftarget.messages.email.claim-for=PT30S"})
@ActiveProfiles({"demo", "test"})
@Import(Api.class)
class EmailOutboxTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository emails;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    org.springframework.transaction.support.TransactionTemplate transactions;

    @org.junit.jupiter.api.BeforeEach
    void transactions() {
        transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    @Test
    void aChosenKindIsDeliveredExactlyOnceWithTheReasonAndALink() throws Exception {
        api.freeUniquenessKeys();
        settings("filer1", "filer1@example.gov.cn", List.of("RETURNED"));
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = api.as("dept1").post("/api/declarations/" + id + "/decision",
                Map.of("outcome", "return", "comment", "请填写带区号的联系电话"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> to("filer1@example.gov.cn").size() == 1);
        Thread.sleep(1500); // several more rounds of the sender: nothing goes out twice
        var mails = to("filer1@example.gov.cn");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("被退回修改").contains("黄陂区大数据中心");
        assertThat(mails.get(0).getFrom()[0].toString()).isEqualTo("jxmb@example.gov.cn");
        assertThat((String) mails.get(0).getContent()).contains("请填写带区号的联系电话").contains("jxmb.example.gov.cn/declarations/" + id);
        // The other messages of this round (OVERDUE to filer1, TASK_ARRIVED to dept1) were not chosen: no email.
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        var sent = outbox("SENT", "filer1@example.gov.cn");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get(0).path("sentAt").isNull()).isFalse();
        problem(api.as("filer1").get("/api/admin/outbox"), 403);
    }

    @Test
    void twoNodesAndTheScheduleClaimingTheSameOutboxSendEachEmailOnce() throws Exception {
        api.freeUniquenessKeys();
        settings("filer2", "filer2@example.gov.cn", List.of("COPIED"));
        settings("dept2", "dept2@example.gov.cn", List.of("COPIED"));
        long id = Fixtures.validDraft(api, "filer1");
        for (int i = 0; i < 6; i++) {
            var copied = api.as("filer1").post("/api/declarations/" + id + "/copies",
                    Map.of("users", List.of("filer2", "dept2"), "note", "第 " + i + " 次"));
            assertThat(copied.status()).as(copied.text()).isEqualTo(200);
        }
        var pool = Executors.newFixedThreadPool(2);
        try {
            var rounds = new ArrayList<Callable<Integer>>();
            for (String node : List.of("node-a", "node-b")) {
                rounds.add(() -> {
                    int total = 0;
                    for (int round = 0; round < 20; round++) {
                        total += sender.sendDue(node);
                    }
                    return total;
                });
            }
            pool.invokeAll(rounds);
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("PENDING", "filer2@example.gov.cn").isEmpty()
                && outbox("PENDING", "dept2@example.gov.cn").isEmpty());
        Thread.sleep(1000);
        assertThat(to("filer2@example.gov.cn")).hasSize(6);
        assertThat(to("dept2@example.gov.cn")).hasSize(6);
        assertThat(outbox("SENT", "filer2@example.gov.cn")).hasSize(6);
    }

    @Test
    void anEmailClaimedByANodeThatDiedIsSentByAnotherOnceTheClaimRunsOut() throws Exception {
        api.freeUniquenessKeys();
        settings("filer3", "filer3@example.gov.cn", List.of("COPIED"));
        // Hold the sender off while a "node" claims the email and dies before sending (its claim is all that is left).
        long id = Fixtures.validDraft(api, "filer1");
        long outboxId;
        synchronized (sender) {
            var copied = api.as("filer1").post("/api/declarations/" + id + "/copies", Map.of("users", List.of("filer3")));
            assertThat(copied.status()).as(copied.text()).isEqualTo(200);
            outboxId = outbox("PENDING", "filer3@example.gov.cn").get(0).path("id").asLong();
            var now = java.time.Instant.now();
            Integer claimed = transactions.execute(s -> emails.claim(outboxId, "dead-node", now, now.plusSeconds(2)));
            assertThat(claimed).isEqualTo(1);
        }
        Thread.sleep(1000);
        assertThat(to("filer3@example.gov.cn")).as("claimed by the dead node, not yet free").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> to("filer3@example.gov.cn").size() == 1);
        Thread.sleep(1000);
        assertThat(to("filer3@example.gov.cn")).hasSize(1);
        assertThat(outbox("SENT", "filer3@example.gov.cn")).extracting(e -> e.path("id").asLong()).containsExactly(outboxId);
    }

    @Test
    void aServerThatRefusesIsRetriedThenTheEmailIsFailedAndTheActionStillSucceeded() throws Exception {
        smtp.stop();
        var refusals = new AtomicInteger();
        try (var refusing = new ServerSocket()) {
            refusing.setReuseAddress(true);
            refusing.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), SMTP_PORT));
            var thread = new Thread(() -> refuse(refusing, refusals));
            thread.setDaemon(true);
            thread.start();

            api.freeUniquenessKeys();
            settings("filer1", "refused@example.gov.cn", List.of("RETURNED"));
            long id = Fixtures.inDeptReview(api, "filer1");
            var returned = api.as("dept1").post("/api/declarations/" + id + "/decision",
                    Map.of("outcome", "return", "comment", "邮件服务器拒收时也照常退回"));
            assertThat(returned.status()).as(returned.text()).isEqualTo(200);
            assertThat(returned.body().path("status").asText()).isEqualTo("RETURNED");

            await().atMost(Duration.ofSeconds(30)).until(() -> !outbox("FAILED", "refused@example.gov.cn").isEmpty());
            var failed = outbox("FAILED", "refused@example.gov.cn").get(0);
            assertThat(failed.path("attempts").asInt()).isEqualTo(3);
            assertThat(failed.path("lastError").asText()).isNotBlank();
            assertThat(refusals.get()).isGreaterThanOrEqualTo(3);
            Thread.sleep(1000);
            assertThat(outbox("FAILED", "refused@example.gov.cn").get(0).path("attempts").asInt()).isEqualTo(3);
            // The administrator's 发件箱 page shows the failure and why; a filer may not open it.
            var admin = new PageSession(port);
            admin.login("admin", Api.PASSWORD);
            String page = admin.get("/admin/outbox?status=FAILED").body();
            assertThat(page).contains("refused@example.gov.cn", "发送失败", "554").doesNotContain("id=\"email-off\"");
            var filer = new PageSession(port);
            filer.login("filer1", Api.PASSWORD);
            assertThat(filer.get("/admin/outbox").statusCode()).isEqualTo(403);
            // The message itself arrived; only its email failed.
            var messages = api.as("filer1").get("/api/messages?size=5").body();
            assertThat(messages.findValuesAsText("text")).anySatisfy(t -> assertThat(t).contains("邮件服务器拒收时也照常退回"));
            var metrics = api.as("admin").get("/actuator/prometheus").text();
            assertThat(metrics).containsPattern("perftarget_messages_emails_failed_total(\\{[^}]*\\})? [1-9]")
                    .contains("perftarget_messages_outbox_pending");
        }
    }

    private static void refuse(ServerSocket server, AtomicInteger refusals) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                refusals.incrementAndGet();
                out.write("554 5.3.2 Service refused\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void settings(String user, String email, List<String> kinds) {
        var saved = api.as(user).put("/api/me/message-settings", Map.of("email", email, "emailKinds", kinds), null);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<JsonNode> outbox(String status, String address) {
        var got = api.as("admin").get("/api/admin/outbox?size=500&status=" + status);
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        got.body().forEach(e -> {
            if (e.path("address").asText().equals(address)) {
                found.add(e);
            }
        });
        return found;
    }

    private static void problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
