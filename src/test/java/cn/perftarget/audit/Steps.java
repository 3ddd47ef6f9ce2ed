package cn.perftarget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.Api;
import cn.perftarget.Fixtures;

/** Small steps the audit tests share: paths, decisions, a reviewed declaration, chain verification, problems. */
final class Steps {

    static final String DECLARATIONS = "/api/declarations";

    private Steps() {
    }

    static String path(long id, String rest) {
        return DECLARATIONS + "/" + id + "/" + rest;
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    static void decide(Api api, String reviewer, long id, Map<String, ?> decision) {
        ok(api.as(reviewer).post(path(id, "decision"), decision));
    }

    /** filer1's declaration returned by dept1 with a comment about the phone, then saved again (revision 3). */
    static long returnedAndSavedAgain(Api api) {
        long id = Fixtures.inDeptReview(api, "filer1");
        decide(api, "dept1", id, Map.of("outcome", "return", "comment", "联系电话请加区号",
                "fields", List.of("/header/phone")));
        var document = Fixtures.validDocument();
        ((ObjectNode) document.path("header")).put("phone", "027-85916419");
        ok(api.as("filer1").put(path(id, "document"), document, "\"2\""));
        return id;
    }

    /** GET /api/audit/verify as the auditor. */
    static JsonNode verify(Api api) {
        var verified = api.as("auditor1").get("/api/audit/verify");
        ok(verified);
        assertThat(verified.body().path("events").isIntegralNumber()).as(verified.text()).isTrue();
        return verified.body();
    }

    /** The break reported for this declaration's chain, or a missing node when its chain is intact. */
    static JsonNode breakOf(JsonNode verification, long declaration) {
        for (JsonNode item : verification.path("broken")) {
            if (item.path("declaration").asLong() == declaration) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        array.forEach(items::add);
        return items;
    }

    /** Asserts an RFC 9457 problem with the given status, and returns its JSON. */
    static JsonNode problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        return response.body();
    }
}
