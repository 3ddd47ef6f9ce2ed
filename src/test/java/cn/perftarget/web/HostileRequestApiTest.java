package cn.perftarget.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * Requests that never reach our controllers (refused by Tomcat or by Spring Security's firewall) still get a
 * Chinese problem+json with nosniff. Sent over a raw socket, since HTTP clients refuse to send most of them.
 */
@ApplicationTest
class HostileRequestApiTest {

    @Autowired
    Api api;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api/declarations/%00 HTTP/1.1",
            "GET /api/declarations/1%2F2 HTTP/1.1",
            "GET /api/declarations/%C3%28 HTTP/1.1",
            "GET /api/declarations/%FF%FE HTTP/1.1",
            "GET /api/declarations/../forms HTTP/1.1",
            "GET /api/declarations/1;jsessionid=abc HTTP/1.1",
            "GET /api//declarations HTTP/1.1",
            "GET /api/declarations/%2e%2e/forms HTTP/1.1",
            "GET /api/declarations/%5C HTTP/1.1",
            "GET /api/declarations/%25 HTTP/1.1",
            "GET /api/declarations/%zz HTTP/1.1",
            "GET /camunda/..;/api/declarations HTTP/1.1",
            "GET /nothing/here HTTP/1.1",
            "GET /error HTTP/1.1",
            "TRACE /api/declarations HTTP/1.1",
            "GET api/declarations HTTP/1.1",
            "G\u0001T /api/declarations HTTP/1.1"})
    void refusedRequestLineIsAChineseProblem(String requestLine) throws Exception {
        var reply = RawHttp.send(port, (requestLine + "\r\nHost: localhost\r\n" + RawHttp.basic("filer1"))
                .getBytes(UTF_8), new byte[0]);
        assertChineseProblem(reply);
    }

    @Test
    void unknownProtocolVersionIs505InChinese() throws Exception {
        var reply = RawHttp.send(port, "GET /api/declarations HTTP/9.9\r\nHost: localhost\r\n");
        assertThat(reply.status()).isEqualTo(505);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(json.readTree(reply.body()).path("detail").asText()).contains("HTTP/1.1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Test: a\u0000b", "X-Test: a\u0001b", "Bad Header: x", ": empty", "X-Test:\u00ff\u00fe",
            "Content-Type: */*", "Accept: \u0000"})
    void refusedHeaderIsAChineseProblem(String header) throws Exception {
        long id = Fixtures.createDraft(api, "filer1");
        var reply = RawHttp.send(port, ("GET /api/declarations/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("filer1") + header + "\r\n").getBytes(ISO_8859_1), new byte[0]);
        if (reply.status() == 200) {
            return; // a harmless header Tomcat lets through is fine; a refusal must be a problem
        }
        assertChineseProblem(reply);
    }

    private void assertChineseProblem(RawHttp.Reply reply) throws IOException {
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.header("X-Content-Type-Options")).as(reply.toString()).isEqualTo("nosniff");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.path("status").asInt()).isEqualTo(reply.status());
        assertThat(problem.path("detail").asText()).as(reply.body()).containsPattern("\\p{IsHan}");
        assertThat(problem.path("title").asText()).containsPattern("\\p{IsHan}");
    }
}
