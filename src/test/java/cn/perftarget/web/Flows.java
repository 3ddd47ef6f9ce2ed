package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.Api;
import cn.perftarget.Fixtures;

/** Small steps the API tests share: paths, decisions, declarations in later states, and reading problems. */
final class Flows {

    static final String DECLARATIONS = "/api/declarations";

    private Flows() {
    }

    static String path(long id) {
        return DECLARATIONS + "/" + id;
    }

    static String path(long id, String rest) {
        return DECLARATIONS + "/" + id + "/" + rest;
    }

    static Api.Response decide(Api api, String reviewer, long id, Map<String, ?> decision) {
        return api.as(reviewer).post(path(id, "decision"), decision);
    }

    /** An approval as the step asks for it: 财政's steps of the shipped model require a grade. */
    static Api.Response approve(Api api, String reviewer, long id) {
        return decide(api, reviewer, id, reviewer.startsWith("finance") ? Map.of("outcome", "approve", "grade", "优")
                : Map.of("outcome", "approve"));
    }

    /** A declaration of {@code filer1} (HP-BDC) approved by dept1 and by finance1 with grade 优. */
    static long approved(Api api) {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var decided = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("APPROVED");
        return id;
    }

    /** The current state of a declaration as its filer sees it. */
    static JsonNode current(Api api, String filer, long id) {
        var got = api.as(filer).get(path(id));
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        return got.body();
    }

    static String statusOf(Api api, String filer, long id) {
        return current(api, filer, id).path("status").asText();
    }

    /** Asserts an RFC 9457 problem with the given status, and returns its JSON for further checks. */
    static JsonNode problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        return response.body();
    }

    /** The {@code path} of every item of a problem's or report's {@code errors}. */
    static List<String> errorPaths(JsonNode body) {
        var paths = new ArrayList<String>();
        body.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths;
    }

    /** The ids of a list of declarations. */
    static List<Long> ids(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        response.body().forEach(d -> ids.add(d.path("id").asLong()));
        return ids;
    }
}
