package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;

/**
 * The organisation's administration over real HTTP: only administrators change it, every change is an event of
 * the general audit chain with before and after, and a unit moved after a submission leaves that review with the
 * 主管部门 it had then. Names are random: the tests share one database.
 */
@ApplicationTest
class OrganisationAdminApiTest {

    static final String PASSWORD = "Pass-" + UUID.randomUUID();

    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response createUser(String username, String unit, String... roles) {
        return api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "测试" + username,
                "unit", unit, "roles", List.of(roles), "password", PASSWORD));
    }

    AuditRecord lastGeneral() {
        var events = audit.historyOf(AuditTrail.GENERAL);
        return events.get(events.size() - 1);
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheOrganisation() {
        for (String user : List.of("filer1", "dept1", "finance1", "auditor1")) {
            problem(api.as(user).get("/api/admin/users"), 403);
            problem(api.as(user).get("/api/admin/units"), 403);
            problem(api.as(user).post("/api/admin/units", Map.of("code", unique("X"), "name", "某单位",
                    "kind", "DEPARTMENT")), 403);
        }
        var users = api.as("admin").get("/api/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(userOf(users.body(), "filer3").path("unit").asText()).isEqualTo("HP-BDC-01");
        assertThat(userOf(users.body(), "finance2").path("unit").asText()).isEqualTo("CZ-JKW");
        assertThat(users.text()).doesNotContain("{noop}", "password");
        var units = api.as("admin").get("/api/admin/units").body();
        var jkw = units.findParents("code").stream().filter(u -> u.path("code").asText().equals("CZ-JKW")).findFirst()
                .orElseThrow();
        assertThat(jkw.path("kind").asText()).isEqualTo("FINANCE_SECTION");
        assertThat(jkw.path("oversees").toString()).isEqualTo("[\"HP-EDU\"]");
    }

    @Test
    void aNewUserLogsInWithTheirPasswordAndTheChangeIsAuditedWithBeforeAndAfter() {
        String username = unique("u");
        var created = createUser(username, "HP-EDU", "FILER");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var event = lastGeneral();
        assertThat(event.action()).isEqualTo("USER_CREATED");
        assertThat(event.actor()).isEqualTo("admin");
        assertThat(event.details()).contains("\"before\":null", "\"username\":\"" + username + "\"")
                .doesNotContain(PASSWORD, "bcrypt");
        assertThat(api.as(username, PASSWORD).get(Flows.DECLARATIONS).status()).isEqualTo(200);

        var changed = api.as("admin").put("/api/admin/users/" + username, Map.of("name", "改名", "unit", "HP-EDU",
                "roles", List.of("FILER", "AUDITOR"), "enabled", true), null);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().path("roles").toString()).isEqualTo("[\"FILER\",\"AUDITOR\"]");
        assertThat(lastGeneral().details()).contains("\"before\":{", "\"after\":{", "改名");
        assertThat(lastGeneral().action()).isEqualTo("USER_CHANGED");
    }

    @Test
    void badUsersAreRefusedNamingTheFieldAndNothingIsSaved() {
        String username = unique("u");
        var filerWithoutUnit = api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "某人",
                "roles", List.of("FILER"), "password", PASSWORD));
        assertThat(Flows.errorPaths(problem(filerWithoutUnit, 400))).contains("/unit");
        var financeInADepartment = createUser(username, "HP-BDC", "FINANCE_REVIEWER");
        assertThat(Flows.errorPaths(problem(financeInADepartment, 400))).contains("/unit");
        var shortPassword = api.as("admin").post("/api/admin/users", Map.of("username", username, "name", "某人",
                "unit", "HP-BDC", "roles", List.of("FILER"), "password", "short"));
        assertThat(Flows.errorPaths(problem(shortPassword, 400))).contains("/password");
        problem(api.as("admin").put("/api/admin/users/" + username, Map.of("name", "某人", "unit", "HP-BDC",
                "roles", List.of("FILER"), "enabled", true), null), 404);
        assertThat(api.as("admin").get("/api/admin/users").text()).doesNotContain(username);
    }

    @Test
    void aUserChangesTheirOwnPasswordGivenTheCurrentOne() {
        String username = unique("u");
        createUser(username, "HP-BDC", "FILER");
        var wrong = api.as(username, PASSWORD).put("/api/me/password", Map.of("current", "not-it", "new", "New-password-1"), null);
        assertThat(Flows.errorPaths(problem(wrong, 400))).containsExactly("/current");
        var tooShort = api.as(username, PASSWORD).put("/api/me/password", Map.of("current", PASSWORD, "new", "short"), null);
        assertThat(Flows.errorPaths(problem(tooShort, 400))).containsExactly("/new");

        var changed = api.as(username, PASSWORD).put("/api/me/password", Map.of("current", PASSWORD, "new", "New-password-1"), null);
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(lastGeneral().action()).isEqualTo("PASSWORD_CHANGED");
        assertThat(lastGeneral().details()).doesNotContain("New-password-1", PASSWORD);
        problem(api.as(username, PASSWORD).get(Flows.DECLARATIONS), 401);
        assertThat(api.as(username, "New-password-1").get(Flows.DECLARATIONS).status()).isEqualTo(200);
    }

    @Test
    void fiveFailedLoginsLockTheAccountUntilItExpiresOrAnAdministratorResetsThePassword() {
        String username = unique("u");
        createUser(username, "HP-BDC", "FILER");
        for (int i = 0; i < 4; i++) {
            assertThat(problem(api.as(username, "wrong").get(Flows.DECLARATIONS), 401).path("type").asText())
                    .endsWith("bad-credentials");
        }
        assertThat(api.as(username, PASSWORD).get(Flows.DECLARATIONS).status()).as("a success starts again").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            problem(api.as(username, "wrong").get(Flows.DECLARATIONS), 401);
        }
        var locked = problem(api.as(username, PASSWORD).get(Flows.DECLARATIONS), 401);
        assertThat(locked.path("type").asText()).endsWith("account-unavailable");
        assertThat(lastGeneral().action()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(lastGeneral().details()).contains(username);
        assertThat(api.as("admin").get("/api/admin/users").body().toString()).contains(username);

        var reset = api.as("admin").put("/api/admin/users/" + username, Map.of("name", "某人", "unit", "HP-BDC",
                "roles", List.of("FILER"), "enabled", true, "password", "Reset-password-1"), null);
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        assertThat(api.as(username, "Reset-password-1").get(Flows.DECLARATIONS).status()).isEqualTo(200);
    }

    @Test
    void aDisabledUserIsRefusedAtOnce() {
        String username = unique("u");
        createUser(username, "HP-BDC", "FILER");
        assertThat(api.as(username, PASSWORD).get(Flows.DECLARATIONS).status()).isEqualTo(200);
        api.as("admin").put("/api/admin/users/" + username, Map.of("name", "某人", "unit", "HP-BDC",
                "roles", List.of("FILER"), "enabled", false), null);
        assertThat(problem(api.as(username, PASSWORD).get(Flows.DECLARATIONS), 401).path("type").asText())
                .endsWith("account-unavailable");
        var self = api.as("admin").put("/api/admin/users/admin", Map.of("name", "系统管理员",
                "roles", List.of("ADMIN"), "enabled", false), null);
        assertThat(Flows.errorPaths(problem(self, 400))).contains("/roles");
    }

    @Test
    void unitsAreAddedRenamedAndDeactivatedAndADeactivatedUnitFilesNothingNew() {
        String code = unique("T-");
        var created = api.as("admin").post("/api/admin/units", Map.of("code", code, "name", "测试二级单位",
                "kind", "SUB_UNIT", "parent", "HP-EDU"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(lastGeneral().action()).isEqualTo("UNIT_CREATED");
        String filer = unique("u");
        assertThat(createUser(filer, code, "FILER").status()).isEqualTo(201);
        var draft = api.as(filer, PASSWORD).post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2020));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        long id = draft.body().path("id").asLong();
        assertThat(api.as("dept2").get(path(id)).status()).as("the 主管部门 above sees it").isEqualTo(200);
        assertThat(api.as("finance2").get(path(id)).status()).as("so does the 科室 HP-EDU is 归口 to").isEqualTo(200);

        var renamed = api.as("admin").put("/api/admin/units/" + code, Map.of("name", "新名称"), null);
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(lastGeneral().details()).contains("测试二级单位", "新名称");
        assertThat(api.as(filer, PASSWORD).get(path(id)).body().path("department").asText())
                .as("the declaration keeps its unit").isEqualTo(code);

        var deactivated = api.as("admin").put("/api/admin/units/" + code, Map.of("active", false), null);
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
        problem(api.as(filer, PASSWORD).post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2020)), 403);
        var cycle = api.as("admin").put("/api/admin/units/HP-EDU", Map.of("parent", code), null);
        assertThat(Flows.errorPaths(problem(cycle, 400))).contains("/parent");
    }

    @Test
    void aUnitMovedAfterSubmissionKeepsThatReviewWithThe主管部门ItHadThen() {
        String code = unique("T-");
        api.as("admin").post("/api/admin/units", Map.of("code", code, "name", "迁移测试单位", "kind", "SUB_UNIT",
                "parent", "HP-BDC"));
        String filer = unique("u");
        createUser(filer, code, "FILER");
        long submitted = validDraftSubmitted(filer);
        assertThat(ids(api.as("dept1").get("/api/tasks"))).contains(submitted);

        var moved = api.as("admin").put("/api/admin/units/" + code, Map.of("parent", "HP-EDU"), null);
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(api.as("dept2").get(path(submitted)).status()).as("now under HP-EDU").isEqualTo(200);
        assertThat(ids(api.as("dept2").get("/api/tasks"))).doesNotContain(submitted);
        problem(approve(api, "dept2", submitted), 403);
        assertThat(approve(api, "dept1", submitted).status()).as("reviewed where it was submitted").isEqualTo(200);
        assertThat(ids(api.as("finance2").get("/api/tasks"))).as("HP-BDC's review is not CZ-JKW's")
                .doesNotContain(submitted);
    }

    private long validDraftSubmitted(String filer) {
        var created = api.as(filer, PASSWORD).post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2020));
        long id = created.body().path("id").asLong();
        var document = Fixtures.validDocument();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("header"))
                .put("department", created.body().at("/document/header/department").asText());
        assertThat(api.as(filer, PASSWORD).put(path(id, "document"), document, "\"1\"").status()).isEqualTo(200);
        var submitted = api.as(filer, PASSWORD).post(path(id, "submission"));
        assertThat(submitted.body().path("status").asText()).as(submitted.text()).isEqualTo("DEPT_REVIEW");
        return id;
    }

    static JsonNode userOf(JsonNode users, String username) {
        for (JsonNode user : users) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in " + users);
    }
}
