package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 between the event and the email: the packaged application runs lifecycles with the email channel on while
 * its SMTP server is down, so every email waits in the outbox (tried and refused); the process is killed with SIGKILL
 * at a random moment of the load; the SMTP server (GreenMail) comes up and the application restarts on the same
 * files. Every message of a chosen kind the server holds then arrives by email exactly once: none lost, none twice.
 */
class EmailCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("/declarations/(\\d+)\\b");

    @TempDir
    Path dir;

    @Test
    void anEmailWaitingWhenTheProcessIsKilledIsDeliveredOnceAfterTheRestart() throws Exception {
        int smtpPort = PackagedApp.freePort();
        var arguments = List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("perftarget"),
                "--perftarget.audit.anchor.file=" + dir.resolve("anchor.json"),
                "--perftarget.messages.email.enabled=true", "--perftarget.messages.email.base-url=http://jxmb.test",
                "--perftarget.messages.email.poll-interval=PT0.3S", "--perftarget.messages.email.backoff=PT0.05S",
                "--perftarget.messages.email.max-attempts=1000", "--perftarget.messages.email.claim-for=PT5S",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000");
        var load = new Load();
        try (var app = PackagedApp.start(dir, "email-before-kill.log", arguments)) {
            settings(app.base(), "filer1", List.of("APPROVED"));
            settings(app.base(), "dept1", List.of("TASK_ARRIVED"));
            load.start(app.base());
            assertThat(load.awaitAcknowledged(25 + (int) (Math.random() * 25), Duration.ofMinutes(3))).isTrue();
            var waiting = Checks.json(Checks.call(app.base(), "admin", "GET", "/api/admin/outbox?status=PENDING&size=500"), 200);
            assertThat(waiting.size()).as("emails waiting in the outbox before the kill").isPositive();
            assertThat(waiting.findValues("attempts")).as("an email the sender tried and the server refused")
                    .anyMatch(attempts -> attempts.asInt() > 0);
            app.kill9();
            load.stop();
        }

        var smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (var app = PackagedApp.start(dir, "email-after-kill.log", arguments)) {
            assertThat(Checks.lost(app.base(), load.acked.values())).as("acknowledged before the kill, lost").isEmpty();
            // What the server holds after the restart decides which emails are owed (a write in flight at the kill
            // may have committed without its answer): dept1 one per submitted HP-BDC declaration, filer1 one per approval.
            var statuses = statuses(app.base(), "filer1");
            var owedToDept = ids(statuses, s -> !s.equals("DRAFT"));
            var owedToFiler = ids(statuses, s -> s.equals("APPROVED"));
            assertThat(messageIds(app.base(), "dept1", "TASK_ARRIVED")).as("dept1's messages").isEqualTo(owedToDept);
            assertThat(messageIds(app.base(), "filer1", "APPROVED")).as("filer1's messages").isEqualTo(owedToFiler);

            int owed = owedToDept.size() + owedToFiler.size();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (smtp.getReceivedMessages().length < owed && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // several more rounds of the sender: nothing may go out a second time
            assertThat(linked(smtp, "dept1@example.gov.cn")).as("emails to dept1, by declaration").isEqualTo(once(owedToDept));
            assertThat(linked(smtp, "filer1@example.gov.cn")).as("emails to filer1, by declaration").isEqualTo(once(owedToFiler));
            assertThat(Checks.json(Checks.call(app.base(), "admin", "GET", "/api/admin/outbox?status=PENDING"), 200).size())
                    .as("emails still waiting").isZero();
            System.out.printf("EmailCrashIT: %d emails owed after kill -9 (%d declarations), %d delivered, 0 lost, 0 twice%n",
                    owed, statuses.size(), smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
        }
    }

    private static void settings(String base, String user, List<String> kinds) throws IOException, InterruptedException {
        var body = JSON.writeValueAsString(Map.of("email", user + "@example.gov.cn", "emailKinds", kinds));
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/me/message-settings"))
                .header("Authorization", Load.basic(user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static Map<Long, String> statuses(String base, String filer) throws IOException, InterruptedException {
        var statuses = new TreeMap<Long, String>();
        for (int page = 0; ; page++) {
            var got = Checks.json(Checks.call(base, filer, "GET", "/api/declarations?size=500&page=" + page), 200);
            got.forEach(d -> statuses.put(d.path("id").asLong(), d.path("status").asText()));
            if (got.size() < 500) {
                return statuses;
            }
        }
    }

    private static List<Long> ids(Map<Long, String> statuses, Predicate<String> status) {
        return statuses.entrySet().stream().filter(e -> status.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    private static List<Long> messageIds(String base, String user, String kind) throws IOException, InterruptedException {
        var ids = new ArrayList<Long>();
        for (JsonNode message : Checks.json(Checks.call(base, user, "GET", "/api/messages?size=500"), 200)) {
            if (message.path("kind").asText().equals(kind)) {
                ids.add(message.path("declarationId").asLong());
            }
        }
        return ids.stream().sorted().toList();
    }

    private static Map<Long, Long> once(List<Long> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> 1L, (a, b) -> a, TreeMap::new));
    }

    /** How many emails to {@code address} link to each declaration. */
    private static Map<Long, Long> linked(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).map(m -> {
            var link = LINK.matcher(text(m));
            assertThat(link.find()).as("a link in the email").isTrue();
            return Long.parseLong(link.group(1));
        }).collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
