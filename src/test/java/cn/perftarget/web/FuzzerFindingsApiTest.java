package cn.perftarget.web;

import static cn.perftarget.web.Flows.errorPaths;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * What an outside fuzzer (Schemathesis against /v3/api-docs, issue 20) found: each request once answered 500, a
 * bare status, English, a wrong field name, or silently replaced a user. Each test names the promise it keeps.
 */
@ApplicationTest
class FuzzerFindingsApiTest {

    /** 25 Chinese characters are 75 UTF-8 bytes: past bcrypt's 72, though only 25 characters long. */
    private static final String LONG_PASSWORD = "密".repeat(25);
    private static final String PASSWORD = "Pass-" + java.util.UUID.randomUUID();

    @Autowired
    Api api;

    private Api.Response raw(String user, String method, String path, String body, String contentType) {
        return api.as(user).send(method, path, body, Map.of("Content-Type", contentType));
    }

    private String auditorUser(boolean enabled) {
        String username = OrganisationAdminApiTest.unique("fz");
        var created = api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "原名",
                "roles", List.of("AUDITOR"), "password", PASSWORD, "enabled", enabled));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return username;
    }

    private JsonNode user(String username) {
        for (JsonNode user : api.as("admin").get("/api/admin/users").body()) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    /** Spring would read size= as the default 50: an empty number is refused, naming it, as the description says. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dept1 /api/tasks?page=0&size= size", "filer1 /api/declarations?page=&size= page",
            "auditor1 /api/audit/events?size= size", "filer1 /api/forms/dept-overall?year= year"})
    void anEmptyNumberParameterIsRefusedNamingIt(String case_) {
        String[] parts = case_.split(" ");
        assertThat(errorPaths(problem(api.as(parts[0]).get(parts[1]), 400))).contains(parts[2]);
    }

    /** A reviewer of another step is refused (403) whatever the body says, before the body is checked. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decision {\"outcome\":\"maybe\"}", "decision {}", "handover {\"to\":\"\"}",
            "consultation {\"unknown\":1}"})
    void aReviewerOfAnotherStepIsRefusedBeforeTheBodyIsRead(String case_) {
        long id = cn.perftarget.Fixtures.inDeptReview(api, "filer1");
        String[] parts = case_.split(" ", 2);
        problem(raw("finance1", "POST", "/api/declarations/" + id + "/" + parts[0], parts[1], "application/json"), 403);
        problem(raw("dept2", "POST", "/api/declarations/" + id + "/" + parts[0], parts[1], "application/json"), 404);
    }

    @Test
    void aMalformedMultipartBodyIsABadRequestNotAServerError() {
        var body = problem(raw("dept1", "POST", "/api/imports", "--x\r\nno headers, no end",
                "multipart/form-data; boundary=x"), 400);
        assertThat(body.path("detail").asText()).containsPattern("\\p{IsHan}");
    }

    @Test
    void aFilerIsRefusedTheImportBeforeItsBodyIsRead() {
        problem(raw("filer1", "POST", "/api/imports", "--x\r\nno headers, no end", "multipart/form-data; boundary=x"), 403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /api/admin/units", "PUT /api/admin/units/HP-BDC", "POST /api/admin/users",
            "PUT /api/admin/users/filer1"})
    void aFilerIsRefusedAdministrationWhateverTheBody(String call) {
        String[] parts = call.split(" ");
        problem(raw("filer1", parts[0], parts[1], "{\"code\":", "application/json"), 403);
        problem(raw("filer1", parts[0], parts[1], "{}", "text/plain"), 403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dept1 403", "auditor1 403", "dept2 404", "filer2 404", "expert1 404"})
    void aSaveIsRefusedToWhoMayNotSaveBeforeItsBodyIsRead(String case_) {
        String[] parts = case_.split(" ");
        long id = cn.perftarget.Fixtures.createDraft(api, "filer1");
        var response = api.as(parts[0]).send("PUT", Flows.path(id, "document"), "{\"header\":",
                Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
        problem(response, Integer.parseInt(parts[1]));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"filer1 403", "auditor1 403", "filer2 404", "dept2 404"})
    void aDecisionIsRefusedToWhoMayNotDecideBeforeItsBodyIsRead(String case_) {
        String[] parts = case_.split(" ");
        long id = cn.perftarget.Fixtures.inDeptReview(api, "filer1");
        problem(raw(parts[0], "POST", Flows.path(id, "decision"), "{\"outcome\":", "application/json"),
                Integer.parseInt(parts[1]));
        assertThat(Flows.statusOf(api, "filer1", id)).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void aNullAmongTheOverseenDepartmentsIsRefusedNamingIt() {
        var created = problem(api.as("admin").post("/api/admin/units", "{\"code\":\""
                + OrganisationAdminApiTest.unique("CZ-") + "\",\"name\":\"科室\",\"kind\":\"FINANCE_SECTION\","
                + "\"oversees\":[\"HP-EDU\",null]}"), 400);
        assertThat(errorPaths(created)).containsExactly("/oversees/1");
        var changed = problem(api.as("admin").put("/api/admin/units/CZ-JKW", "{\"oversees\":[null]}", null), 400);
        assertThat(errorPaths(changed)).containsExactly("/oversees/0");
    }

    @Test
    void aNullAmongTheRolesIsRefusedNamingIt() {
        var body = problem(api.as("admin").post("/api/admin/users", "{\"username\":\"nobody-null\",\"name\":\"某人\","
                + "\"roles\":[\"AUDITOR\",null],\"password\":\"" + PASSWORD + "\"}"), 400);
        assertThat(errorPaths(body)).containsExactly("/roles/1");
    }

    @Test
    void aPasswordPastBcryptsLimitIsRefusedNamingItEverywhereItIsSet() {
        var created = problem(api.as("admin").post("/api/admin/users", Map.of("username",
                OrganisationAdminApiTest.unique("fz"), "name", "某人", "roles", List.of("AUDITOR"),
                "password", LONG_PASSWORD)), 400);
        assertThat(errorPaths(created)).containsExactly("/password");
        assertThat(created.path("detail").asText()).contains("72");

        String username = auditorUser(true);
        var reset = problem(api.as("admin").put("/api/admin/users/" + username, Map.of("name", "某人",
                "roles", List.of("AUDITOR"), "enabled", true, "password", LONG_PASSWORD), null), 400);
        assertThat(errorPaths(reset)).containsExactly("/password");

        var imported = problem(raw("admin", "POST", "/api/admin/users", "username,name,unit,roles,password\n"
                + username + ",某人,,AUDITOR," + LONG_PASSWORD + "\n", "text/csv"), 400);
        assertThat(imported.at("/errors/0/path").asText()).isEqualTo("/password");
        assertThat(imported.at("/errors/0/line").asInt()).isEqualTo(2);

        var own = problem(api.as(username, PASSWORD).put("/api/me/password",
                Map.of("current", PASSWORD, "new", LONG_PASSWORD), null), 400);
        assertThat(errorPaths(own)).containsExactly("/new");
    }

    @Test
    void anUnreadableAcceptIsA406ProblemInChinese() {
        var response = api.as("filer1").send("GET", "/api/declarations", null, Map.of("Accept", "foo"));
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).containsPattern("\\p{IsHan}");
    }

    @Test
    void aBodySentToAnOperationThatTakesNoneIsRefusedNotIgnored() {
        long id = cn.perftarget.Fixtures.createDraft(api, "filer1");
        var body = problem(raw("filer1", "POST", Flows.path(id, "validation"), "{\"outcome\":\"approve\"}",
                "application/json"), 400);
        assertThat(body.at("/errors/0/rule").asText()).isEqualTo("request.unexpected-body");
        problem(raw("auditor1", "POST", "/api/audit/anchor", "x", "text/plain"), 400);
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"application/problem+json", "application/schema+json"})
    void aSuccessIsNeverLabelledAProblemWhateverTheAccept(String accept) {
        var response = api.as("filer1").send("GET", "/api/forms", null, Map.of("Accept", accept));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
    }

    @Test
    void anEmptyNewPasswordIsNamedAsTheContractNamesIt() {
        var body = problem(api.as("filer1").put("/api/me/password", Map.of("current", "demo", "new", ""), null), 400);
        assertThat(errorPaths(body)).containsExactly("/new");
        assertThat(body.path("detail").asText()).startsWith("new：");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @ValueSource(strings = {"en", "en-US,en;q=0.9", "de", "*"})
    void beanValidationSpeaksChineseWhateverTheRequestsLanguage(String language) {
        var response = api.as("admin").send("POST", "/api/admin/units", "{\"code\":\"\",\"name\":\"某单位\","
                + "\"kind\":\"DEPARTMENT\"}", Map.of("Content-Type", "application/json", "Accept-Language", language));
        var body = problem(response, 400);
        assertThat(body.at("/errors/0/message").asText()).doesNotContain("must").contains("不能为空");
    }

    @Test
    void creatingAUserWhoExistsIsAConflictNamingThemAndChangesNothing() {
        String username = auditorUser(false);
        var again = problem(api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "新名",
                "roles", List.of("AUDITOR"), "password", "Other-" + PASSWORD)), 409);
        assertThat(again.path("detail").asText()).contains(username);
        assertThat(again.at("/existing/href").asText()).isEqualTo("/api/admin/users/" + username);
        assertThat(errorPaths(again)).containsExactly("/username");
        var unchanged = user(username);
        assertThat(unchanged.path("name").asText()).isEqualTo("原名");
        assertThat(unchanged.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void creatingAUnitThatExistsIsAConflictNamingIt() {
        var again = problem(api.as("admin").post("/api/admin/units", Map.of("code", "HP-BDC", "name", "改名",
                "kind", "DEPARTMENT")), 409);
        assertThat(again.at("/existing/href").asText()).isEqualTo("/api/admin/units/HP-BDC");
        assertThat(errorPaths(again)).containsExactly("/code");
    }

    @Test
    void aCsvImportChangesADisabledUserButReenablesOnlyWhenTheLineSaysSo() {
        String username = auditorUser(false);
        var kept = raw("admin", "POST", "/api/admin/users", "username,name,unit,roles,password\n"
                + username + ",导入改名,,AUDITOR,\n", "text/csv");
        assertThat(kept.status()).as(kept.text()).isEqualTo(201);
        assertThat(user(username).path("name").asText()).isEqualTo("导入改名");
        assertThat(user(username).path("enabled").asBoolean()).isFalse();

        var enabled = raw("admin", "POST", "/api/admin/users", "username,name,unit,roles,password,enabled\n"
                + username + ",导入改名,,AUDITOR,,true\n", "text/csv");
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(201);
        assertThat(user(username).path("enabled").asBoolean()).isTrue();
    }
}
