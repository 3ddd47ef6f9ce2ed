package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the packaged-app tests check after a restart or a restore. */
final class Checks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Checks() {
    }

    static HttpResponse<String> call(String base, String user, String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", Load.basic(user)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Every acknowledged write that the server no longer shows: declaration gone, status behind, revision behind. */
    static List<String> lost(String base, Collection<Load.Ack> acknowledged) throws IOException, InterruptedException {
        var lost = new ArrayList<String>();
        for (Load.Ack ack : acknowledged) {
            var got = call(base, ack.filer(), "GET", "/api/declarations/" + ack.id());
            if (got.statusCode() != 200) {
                lost.add(ack + " → " + got.statusCode());
                continue;
            }
            JsonNode now = JSON.readTree(got.body());
            String status = now.path("status").asText();
            int revision = now.path("revision").asInt();
            if (Load.ORDER.indexOf(status) < Load.ORDER.indexOf(ack.status()) || revision < ack.revision()) {
                lost.add(ack + " → " + status + " revision " + revision);
            }
        }
        return lost;
    }

    /** /api/audit/verify must say intact (which includes: no chain shorter than its anchor). */
    static JsonNode verifiedIntact(String base) throws IOException, InterruptedException {
        var verification = json(call(base, "auditor1", "GET", "/api/audit/verify"), 200);
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong()).isPositive();
        return verification;
    }

    /** The stored state hangs together: every declaration has its chain, head and revision, and a process if submitted. */
    static void consistent(Connection connection) throws SQLException {
        Map<String, String> orphans = Map.of(
                "declaration without its audit chain",
                "select count(*) from declaration d where not exists (select 1 from audit_chain c where c.declaration_id = d.id)",
                "chain head that disagrees with its events",
                "select count(*) from audit_chain c where c.length <> (select count(*) from audit_event e where e.declaration_id = c.declaration_id)",
                "declaration without its current revision",
                "select count(*) from declaration d where d.revision > 1 and not exists (select 1 from declaration_revision r "
                        + "where r.declaration_id = d.id and r.number = d.revision)",
                "submitted declaration without its process instance",
                "select count(*) from declaration d where d.status <> 'DRAFT' and not exists (select 1 from act_hi_procinst p "
                        + "where p.business_key_ = d.department || '-' || cast(d.budget_year as varchar(4)) || '-' || d.form_key "
                        + "|| '-' || cast(d.id as varchar(20)))",
                "event of a declaration that does not exist",
                "select count(*) from audit_event e where e.declaration_id <> 0 and not exists (select 1 from declaration d where d.id = e.declaration_id)");
        try (var statement = connection.createStatement()) {
            try (var declarations = statement.executeQuery("select count(*) from declaration")) {
                declarations.next();
                assertThat(declarations.getLong(1)).as("declarations restored").isPositive();
            }
            for (var check : orphans.entrySet()) {
                try (var result = statement.executeQuery(check.getValue())) {
                    result.next();
                    assertThat(result.getLong(1)).as(check.getKey()).isZero();
                }
            }
        }
    }
}
