package cn.perftarget.web;

import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * {@code GET /api/declarations} and {@code GET /api/tasks} a page at a time: the body stays a JSON array, the
 * headers say how many there are in all ({@code X-Total-Count}) and where the other pages are (RFC 8288
 * {@code Link}). Declarations of budget year 2081, which no other test uses, so the year filter holds exactly
 * this class's declarations.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingApiTest {

    private static final int YEAR = 2081;
    private static final int COUNT = 53;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    @Autowired
    Api api;

    private List<Long> created;

    @BeforeAll
    void declarationsOfTheYear() {
        created = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            // Each create frees the uniqueness keys first (Api.post): one department may have many of a year here.
            var response = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", YEAR));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            created.add(response.body().path("id").asLong());
        }
        // The API lists newest first.
        Collections.reverse(created);
    }

    @Test
    void withoutParametersAPageHoldsFiftyAndTheHeadersTellTheRest() {
        var response = api.as("filer1").get("/api/declarations?year=" + YEAR);

        assertThat(Flows.ids(response)).containsExactlyElementsOf(created.subList(0, 50));
        assertThat(response.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(COUNT));
        assertThat(links(response)).containsExactly(
                Map.entry("first", "/api/declarations?year=" + YEAR + "&page=0&size=50"),
                Map.entry("next", "/api/declarations?year=" + YEAR + "&page=1&size=50"),
                Map.entry("last", "/api/declarations?year=" + YEAR + "&page=1&size=50"));
    }

    @Test
    void firstMiddleAndLastPageTogetherHoldEveryDeclarationOnceNewestFirst() {
        String query = "/api/declarations?year=" + YEAR + "&status=DRAFT&size=20";
        var first = api.as("filer1").get(query);
        var middle = api.as("filer1").get(query + "&page=1");
        var last = api.as("filer1").get(query + "&page=2");

        var all = new ArrayList<Long>();
        for (var page : List.of(first, middle, last)) {
            assertThat(page.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(COUNT));
            all.addAll(Flows.ids(page));
        }
        assertThat(Flows.ids(first)).hasSize(20);
        assertThat(Flows.ids(middle)).hasSize(20);
        assertThat(Flows.ids(last)).hasSize(13);
        assertThat(new HashSet<>(all)).hasSize(all.size());
        assertThat(all).containsExactlyElementsOf(created);

        // The other parameters stay in every link, page and size come last.
        String base = "/api/declarations?year=" + YEAR + "&status=DRAFT";
        assertThat(links(first)).containsExactly(Map.entry("first", base + "&page=0&size=20"),
                Map.entry("next", base + "&page=1&size=20"), Map.entry("last", base + "&page=2&size=20"));
        assertThat(links(middle)).containsExactly(Map.entry("first", base + "&page=0&size=20"),
                Map.entry("prev", base + "&page=0&size=20"), Map.entry("next", base + "&page=2&size=20"),
                Map.entry("last", base + "&page=2&size=20"));
        assertThat(links(last)).containsExactly(Map.entry("first", base + "&page=0&size=20"),
                Map.entry("prev", base + "&page=1&size=20"), Map.entry("last", base + "&page=2&size=20"));
    }

    @Test
    void followingTheNextLinksVisitsEveryPage() {
        var seen = new ArrayList<Long>();
        String next = "/api/declarations?year=" + YEAR + "&size=7";
        int pages = 0;
        while (next != null && pages++ < 20) {
            var response = api.as("filer1").get(next);
            seen.addAll(Flows.ids(response));
            next = links(response).get("next");
        }
        assertThat(pages).isEqualTo(8);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndPointsBack() {
        var response = api.as("filer1").get("/api/declarations?year=" + YEAR + "&page=9&size=20");

        assertThat(Flows.ids(response)).isEmpty();
        assertThat(response.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(COUNT));
        assertThat(links(response)).containsEntry("prev", "/api/declarations?year=" + YEAR + "&page=2&size=20")
                .doesNotContainKey("next");
    }

    @Test
    void theCallersScopeIsInTheCount() {
        var otherDepartment = api.as("filer2").get("/api/declarations?year=" + YEAR + "&size=1");
        assertThat(Flows.ids(otherDepartment)).isEmpty();
        assertThat(otherDepartment.headers().getFirst("X-Total-Count")).isEqualTo("0");
        assertThat(links(otherDepartment)).containsExactly(
                Map.entry("first", "/api/declarations?year=" + YEAR + "&page=0&size=1"),
                Map.entry("last", "/api/declarations?year=" + YEAR + "&page=0&size=1"));

        var finance = api.as("finance1").get("/api/declarations?year=" + YEAR + "&size=500");
        assertThat(Flows.ids(finance)).containsExactlyElementsOf(created);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"size, 501", "size, 0", "size, -3", "size, x", "page, -1", "page, abc", "page, 1.5",
            "page, 2147483647"})
    void aBadPageOrSizeIsBadRequestNamingIt(String name, String value) {
        for (String path : List.of("/api/declarations?year=" + YEAR + "&", "/api/tasks?")) {
            var body = problem(api.as("dept1").get(path + name + "=" + value), 400);
            assertThat(body.path("detail").asText()).contains("“" + name + "”");
            assertThat(Flows.errorPaths(body)).containsExactly(name);
        }
    }

    @Test
    void tasksComePagedWithTheirEngineTasksAndTheReviewersScope() {
        var waiting = List.of(Fixtures.inDeptReview(api, "filer1"), Fixtures.inDeptReview(api, "filer1"),
                Fixtures.inDeptReview(api, "filer1"));

        var everything = api.as("dept1").get("/api/tasks?size=500");
        int total = Integer.parseInt(everything.headers().getFirst("X-Total-Count"));
        assertThat(total).isLessThanOrEqualTo(500).isEqualTo(everything.body().size());
        var all = Flows.ids(everything);
        assertThat(all).containsAll(waiting).isSortedAccordingTo(Comparator.reverseOrder());

        var paged = new ArrayList<Long>();
        String next = "/api/tasks?size=2";
        for (int page = 0; next != null; page++) {
            var response = api.as("dept1").get(next);
            assertThat(response.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(total));
            response.body().forEach(t -> {
                assertThat(t.path("status").asText()).isEqualTo("DEPT_REVIEW");
                assertThat(t.at("/task/taskKey").asText()).isEqualTo("Task_DeptReview");
                assertThat(t.at("/task/due").isTextual()).isTrue();
            });
            assertThat(response.body().size()).isEqualTo(page < (total - 1) / 2 ? 2 : total - 2 * page);
            paged.addAll(Flows.ids(response));
            next = links(response).get("next");
        }
        assertThat(paged).containsExactlyElementsOf(all);

        var defaultPage = api.as("dept1").get("/api/tasks");
        assertThat(Flows.ids(defaultPage)).containsExactlyElementsOf(all.subList(0, Math.min(50, total)));
        assertThat(Flows.ids(api.as("dept2").get("/api/tasks?size=500"))).doesNotContainAnyElementsOf(waiting);
    }

    @Test
    void theOpenApiDescriptionNamesThePagingParametersAndHeaders() {
        var spec = api.anonymous(org.springframework.http.HttpMethod.GET, "/v3/api-docs").body();
        for (String path : List.of("/api/declarations", "/api/tasks")) {
            var operation = spec.path("paths").path(path).path("get");
            var parameters = new LinkedHashMap<String, String>();
            operation.path("parameters").forEach(p -> parameters.put(p.path("name").asText(), p.path("description").asText()));
            assertThat(parameters).as(path).containsKeys("page", "size");
            assertThat(parameters.get("size")).contains("50", "500");
            var headers = operation.at("/responses/200/headers");
            assertThat(headers.has("X-Total-Count")).as(path + " X-Total-Count").isTrue();
            assertThat(headers.has("Link")).as(path + " Link").isTrue();
            assertThat(operation.at("/responses/400").isMissingNode()).as(path + " 400").isFalse();
        }
    }

    /** The Link header's targets by relation, in the order given. */
    private static Map<String, String> links(Api.Response response) {
        var header = response.headers().getFirst("Link");
        assertThat(header).as("Link header").isNotNull();
        var links = new LinkedHashMap<String, String>();
        var matcher = LINK.matcher(header);
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }
}
