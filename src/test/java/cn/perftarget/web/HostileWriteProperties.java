package cn.perftarget.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * Generated bad requests against every write endpoint: each is a request that would change a declaration, spoilt
 * in one way (a bad id alias, body, Content-Type, Accept, If-Match or header), sometimes in several. Whatever
 * the flaw, the answer is a 4xx Chinese problem+json with nosniff, and no declaration changes. Runs in the shared
 * {@link ApplicationTest} context (jqwik has no Spring extension, so the TestContextManager injects it).
 */
@ApplicationTest
class HostileWriteProperties {

    private static final String CREATE_YEAR = "2099";

    @Autowired
    Api api;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private long draft;
    private long inReview;
    private long approved;

    record Bad(String method, String target, String user, List<String> headers, byte[] body, String flaw) {
        @Override
        public String toString() {
            String text = new String(body, UTF_8);
            return method + " " + target + " as " + user + " " + headers + " body="
                    + text.substring(0, Math.min(text.length(), 120)) + " [" + flaw + "]";
        }
    }

    @BeforeProperty
    void declarations() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        approved = Flows.approved(api);
        inReview = Fixtures.inDeptReview(api, "filer1");
        draft = Fixtures.validDraft(api, "filer1");
    }

    @Property(tries = 250)
    void badWriteIsAChineseProblemAndChangesNothing(@ForAll("badRequests") Random random) throws Exception {
        var before = snapshot();
        Bad bad = generate(random);
        var reply = RawHttp.send(port, head(bad), bad.body());
        assertThat(reply.status()).as(bad + " -> " + reply).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).as(bad + " -> " + reply).startsWith("application/problem+json");
        assertThat(reply.header("X-Content-Type-Options")).as(bad + " -> " + reply).isEqualTo("nosniff");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.path("status").asInt()).as(bad.toString()).isEqualTo(reply.status());
        assertThat(problem.path("detail").asText()).as(bad + " -> " + reply).containsPattern("\\p{IsHan}");
        assertThat(snapshot()).as(bad + " -> " + reply).isEqualTo(before);
    }

    @Provide
    Arbitrary<Random> badRequests() {
        return Arbitraries.randoms();
    }

    /** Revision, status and document of each declaration, and how many 2099 declarations filer1 has. */
    private List<Object> snapshot() {
        var state = new ArrayList<Object>();
        for (long id : new long[] {draft, inReview, approved}) {
            JsonNode d = Flows.current(api, "filer1", id);
            state.add(List.of(d.path("revision").asInt(), d.path("status").asText(), d.path("document")));
        }
        state.add(api.as("filer1").get(Flows.DECLARATIONS + "?year=" + CREATE_YEAR).body().size());
        return state;
    }

    private byte[] head(Bad bad) {
        var head = new StringBuilder(bad.method()).append(' ').append(bad.target()).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n").append(RawHttp.basic(bad.user()));
        bad.headers().forEach(h -> head.append(h).append("\r\n"));
        return head.toString().getBytes(UTF_8);
    }

    private Bad generate(Random random) {
        String[] endpoints = {"save", "create", "decision", "submission", "withdrawal", "adjustment"};
        String endpoint = endpoints[random.nextInt(endpoints.length)];
        boolean hasBody = endpoint.equals("save") || endpoint.equals("create") || endpoint.equals("decision");
        List<String> flaws = new ArrayList<>(List.of("id", "content-type", "accept", "header"));
        if (endpoint.equals("create")) {
            flaws.remove("id");
        }
        if (hasBody) {
            flaws.add("body");
            flaws.add("body");
        }
        if (endpoint.equals("save")) {
            flaws.add("if-match");
        }
        String flaw = flaws.get(random.nextInt(flaws.size()));
        long id = switch (endpoint) {
            case "decision", "withdrawal" -> inReview;
            case "adjustment" -> approved;
            default -> draft;
        };
        String user = endpoint.equals("decision") ? "dept1" : "filer1";
        String idText = flaw.equals("id") ? BadValues.idAlias(id, random) : Long.toString(id);
        String target = switch (endpoint) {
            case "save" -> "/api/declarations/" + idText + "/document";
            case "create" -> "/api/declarations";
            default -> "/api/declarations/" + idText + "/" + endpoint;
        };
        String method = endpoint.equals("save") ? "PUT" : "POST";
        var headers = new ArrayList<String>();
        byte[] body = switch (endpoint) {
            case "save" -> flaw.equals("body") ? BadValues.document(validDocument(), random) : validDocument();
            case "create" -> flaw.equals("body") ? BadValues.createBody(random)
                    : ("{\"formKey\":\"dept-overall\",\"year\":" + CREATE_YEAR + "}").getBytes(UTF_8);
            case "decision" -> flaw.equals("body") ? BadValues.decisionBody(random)
                    : "{\"outcome\":\"approve\"}".getBytes(UTF_8);
            default -> new byte[0];
        };
        headers.add("Content-Type: " + (flaw.equals("content-type")
                ? BadValues.contentType(random, hasBody) : "application/json"));
        if (endpoint.equals("save")) {
            String revision = Integer.toString(Flows.current(api, "filer1", draft).path("revision").asInt());
            String ifMatch = flaw.equals("if-match") ? BadValues.ifMatch(revision, random) : "\"" + revision + "\"";
            if (ifMatch != null) {
                headers.add("If-Match: " + ifMatch);
            }
        }
        if (flaw.equals("accept")) {
            headers.add("Accept: " + BadValues.accept(random));
        } else if (random.nextBoolean()) {
            headers.add("Accept: " + (random.nextBoolean() ? "application/json" : "*/*"));
        }
        if (flaw.equals("header")) {
            headers.add(BadValues.header(random));
        }
        return new Bad(method, target, user, headers, body, endpoint + "/" + flaw);
    }

    /** The stored document with one harmless-looking change, so that an accepted save would show. */
    private byte[] validDocument() {
        var document = Fixtures.validDocument();
        document.put("functions", "（一）被改写的职能" + Map.of().size());
        return document.toString().getBytes(UTF_8);
    }

    static byte[] latin1(String text) {
        return text.getBytes(ISO_8859_1);
    }
}
