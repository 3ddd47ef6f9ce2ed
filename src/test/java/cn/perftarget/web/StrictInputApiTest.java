package cn.perftarget.web;

import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static cn.perftarget.web.Flows.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** Bodies, ids and If-Match values that mean something else than they seem are refused, never guessed at. */
@ApplicationTest
class StrictInputApiTest {

    @Autowired
    Api api;

    @ParameterizedTest(name = "year {0}")
    @ValueSource(strings = {"\"2028\"", "\"２０２８\"", "2028.9", "2028.0", "2.028e3", "true", "[2028]", "{}",
            "99999999999"})
    void yearThatIsNotAnIntegerIsRefusedNamingYearAsAnInteger(String year) {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS,
                "{\"formKey\":\"dept-overall\",\"year\":" + year + "}"), 400);
        assertThat(errorPaths(body)).containsExactly("/year");
        assertThat(body.path("detail").asText()).contains("/year", "整数");
    }

    @ParameterizedTest(name = "comment {0}")
    @ValueSource(strings = {"123", "1.5", "true", "[\"x\"]", "{\"a\":1}"})
    void commentThatIsNotTextIsRefusedAndTheDeclarationStaysInReview(String comment) {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(api.as("dept1").post(path(id, "decision"),
                "{\"outcome\":\"return\",\"comment\":" + comment + "}"), 400);
        assertThat(errorPaths(body)).containsExactly("/comment");
        assertThat(body.path("detail").asText()).contains("文本");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void duplicateKeyInADecisionIsRefusedNamingTheKey() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(api.as("dept1").post(path(id, "decision"),
                "{\"outcome\":\"return\",\"comment\":\"再改\",\"outcome\":\"approve\"}"), 400);
        assertThat(errorPaths(body)).containsExactly("/outcome");
        assertThat(body.at("/errors/0/rule").asText()).isEqualTo("request.duplicate-key");
        assertThat(body.path("detail").asText()).contains("outcome", "不止一次");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void duplicateKeyInACreateRequestIsBadRequestNotServerError() {
        var body = problem(api.as("filer1").post(Flows.DECLARATIONS,
                "{\"formKey\":\"dept-overall\",\"year\":2020,\"year\":2021}"), 400);
        assertThat(errorPaths(body)).containsExactly("/year");
    }

    @ParameterizedTest(name = "trailing {0}")
    @ValueSource(strings = {"garbage", "{}", "[1]", "{\"outcome\":\"reject\"}", "\"x\"", "1"})
    void trailingDataAfterADecisionIsRefused(String trailing) {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(api.as("dept1").post(path(id, "decision"), "{\"outcome\":\"approve\"}" + trailing), 400);
        assertThat(body.path("errors").get(0).path("rule").asText()).isIn("request.trailing-data", "request.malformed-json");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void documentWithADuplicateKeyIsRefusedAtThatKeyAndNothingIsSaved() throws Exception {
        long id = Fixtures.validDraft(api, "filer1");
        String document = Fixtures.validDocument().toString()
                .replaceFirst("\"phone\":\"([^\"]*)\"", "\"phone\":\"$1\",\"phone\":\"110\"");
        var body = problem(api.as("filer1").put(path(id, "document"), document, "\"2\""), 400);
        assertThat(errorPaths(body)).containsExactly("/header/phone");
        assertThat(body.at("/errors/0/rule").asText()).isEqualTo("request.duplicate-key");
        var after = current(api, "filer1", id);
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.at("/document/header/phone").asText()).isNotEqualTo("110");
    }

    @ParameterizedTest(name = "trailing {0}")
    @ValueSource(strings = {"garbage", "{}", " {\"functions\":\"x\"}", "]"})
    void documentWithTrailingDataIsRefusedAndNothingIsSaved(String trailing) {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument() + trailing, "\"2\""), 400);
        assertThat(errorPaths(body)).containsExactly("");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = {"0x1b", "+27", "%EF%BC%92%EF%BC%97", "27abc", "-27", "%2027", "27%20", "1e3", "0b11", "027",
            "99999999999999999999", "%D9%A2%D9%A7"})
    void idThatIsNotAPlainDecimalIsBadRequestNamingId(String id) {
        long real = Fixtures.inDeptReview(api, "filer1");
        for (String suffix : new String[] {"", "/submission", "/withdrawal", "/revisions", "/history"}) {
            String method = suffix.equals("/submission") || suffix.equals("/withdrawal") ? "POST" : "GET";
            var response = api.as("filer1").send(method, Flows.DECLARATIONS + "/" + id + suffix, null, Map.of());
            var body = problem(response, 400);
            assertThat(errorPaths(body)).containsExactly("id");
            assertThat(body.path("detail").asText()).contains("“id”", "十进制");
        }
        assertThat(statusOf(api, "filer1", real)).isEqualTo("DEPT_REVIEW");
    }

    @ParameterizedTest(name = "revision {0}")
    @ValueSource(strings = {"0x1", "+1", "%EF%BC%91", "1abc", "99999999999"})
    void revisionNumberThatIsNotAPlainDecimalIsBadRequestNamingIt(String number) {
        long id = Fixtures.createDraft(api, "filer1");
        var body = problem(api.as("filer1").send("GET", path(id, "revisions/" + number), null, Map.of()), 400);
        assertThat(errorPaths(body)).containsExactly("number");
    }

    @Test
    void weakEntityTagIsPreconditionFailedAndNothingIsSaved() {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "W/\"2\""), 412);
        assertThat(body.path("detail").asText()).contains("弱实体标签", "\"2\"");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void starIfMatchIsPreconditionRequiredAndNothingIsSaved() {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "*"), 428);
        assertThat(body.path("detail").asText()).contains("If-Match: *");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "If-Match {0}")
    @ValueSource(strings = {"2", "'2'", "\"2", "\"2\" garbage", "W/2"})
    void malformedIfMatchIsBadRequestNamingTheHeader(String ifMatch) {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), ifMatch), 400);
        assertThat(errorPaths(body)).containsExactly("If-Match");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void strongTagInAListStillMatches() {
        long id = Fixtures.validDraft(api, "filer1");
        var saved = api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "W/\"2\", \"1\", \"2\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.etag()).isEqualTo("\"3\"");
    }

    @Test
    void wildcardContentTypeIsUnsupportedMediaTypeInChinese() {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").send("PUT", path(id, "document"), Fixtures.validDocument().toString(),
                Map.of("Content-Type", "*/*", "If-Match", "\"2\"")), 415);
        assertThat(body.path("detail").asText()).contains("Content-Type", "通配", "application/json");
        var create = api.as("filer1").send("POST", Flows.DECLARATIONS, "{\"formKey\":\"dept-overall\",\"year\":2020}",
                Map.of("Content-Type", "*/*"));
        problem(create, 415);
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void formBodyWithABadPercentIsUnsupportedMediaTypeNotServerError() {
        long id = Fixtures.validDraft(api, "filer1");
        var body = problem(api.as("filer1").send("PUT", path(id, "document"), "a=%zz&b=%",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "If-Match", "\"2\"")), 415);
        assertThat(body.path("detail").asText()).contains("application/x-www-form-urlencoded");
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void unknownAddressIsNotFoundInChinese() {
        var body = problem(api.as("filer1").get("/api/no-such-thing"), 404);
        assertThat(body.path("detail").asText()).contains("不存在");
    }

    @Test
    void wrongMethodIsMethodNotAllowedInChinese() {
        long id = Fixtures.createDraft(api, "filer1");
        var body = problem(api.as("filer1").send("DELETE", path(id), null, Map.of()), 405);
        assertThat(body.path("detail").asText()).contains("不支持", "DELETE");
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"image/png", "text/html", "application/json;q=0", "garbage;;"})
    void writeWhoseAcceptExcludesJsonIsRefusedBeforeAnythingChanges(String accept) {
        long id = Fixtures.inDeptReview(api, "filer1");
        var body = problem(api.as("filer1").send("POST", path(id, "withdrawal"), null, Map.of("Accept", accept)), 406);
        assertThat(body.path("detail").asText()).contains("Accept", "未做任何修改");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void unacceptableFormatIsNotAcceptableInChinese() {
        long id = Fixtures.createDraft(api, "filer1");
        var body = problem(api.as("filer1").get(path(id, "history"), MediaType.IMAGE_PNG), 406);
        assertThat(body.path("detail").asText()).contains("Accept");
    }
}
