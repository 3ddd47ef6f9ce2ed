package cn.perftarget.web;

import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * CSV imports of units and users (docs/contracts.md): UTF-8 with or without Excel's BOM, CRLF, quoted cells; all or
 * nothing, each bad line named by its number (the header is line 1).
 */
@ApplicationTest
class OrganisationCsvApiTest {

    private static final String PASSWORD = OrganisationAdminApiTest.PASSWORD;

    @Autowired
    Api api;
    @Autowired
    cn.perftarget.audit.AuditTrail audit;

    private Api.Response post(String who, String path, String csv) {
        var response = api.as(who).send("POST", path, csv, Map.of("Content-Type", "text/csv", "Accept", "application/json"));
        Api.observe("POST", path, response.status());
        return response;
    }

    private static String u(String prefix) {
        return OrganisationAdminApiTest.unique(prefix);
    }

    @Test
    void aGoodFileCreatesUnitsThenUsersWhoLogIn() {
        String unit = u("C-");
        String section = u("CZ-");
        var units = post("admin", "/api/admin/units", "code,name,kind,parent,oversees\n"
                + unit + ",导入测试二级单位,二级单位,HP-EDU,\n"
                + section + ",导入测试科室,FINANCE_SECTION,,HP-EDU|HP-BDC\n");
        assertThat(units.status()).as(units.text()).isEqualTo(201);
        assertThat(units.body().path("count").asInt()).isEqualTo(2);

        String filer = u("f");
        String reviewer = u("r");
        var users = post("admin", "/api/admin/users", "username,name,unit,roles,password\n"
                + filer + ",导入填报人," + unit + ",FILER," + PASSWORD + "\n"
                + reviewer + ",导入审核人," + section + ",FINANCE_REVIEWER|AUDITOR," + PASSWORD + "\n");
        assertThat(users.status()).as(users.text()).isEqualTo(201);
        assertThat(users.body().path("count").asInt()).isEqualTo(2);
        var general = audit.historyOf(cn.perftarget.audit.AuditTrail.GENERAL);
        assertThat(general.subList(general.size() - 2, general.size()))
                .extracting(e -> e.action() + " " + e.details().contains("\"username\":\"" + filer + "\""))
                .containsExactly("USER_CREATED true", "USER_CREATED false");
        assertThat(api.as(filer, PASSWORD).get(Flows.DECLARATIONS).status()).isEqualTo(200);
        assertThat(api.as(reviewer, PASSWORD).get("/api/tasks").status()).isEqualTo(200);
        var listed = api.as("admin").get("/api/admin/users").body();
        assertThat(OrganisationAdminApiTest.userOf(listed, reviewer).path("roles").toString())
                .isEqualTo("[\"FINANCE_REVIEWER\",\"AUDITOR\"]");
    }

    @Test
    void oneBadLineChangesNothingAndIsNamed() {
        String good = u("g");
        String alsoGood = u("g");
        var response = post("admin", "/api/admin/users", "username,name,unit,roles,password\n"
                + good + ",甲,HP-BDC,FILER," + PASSWORD + "\n"
                + alsoGood + ",乙,NO-SUCH-UNIT,FILER," + PASSWORD + "\n"
                + u("g") + ",丙,HP-EDU,WIZARD," + PASSWORD + "\n");
        var body = problem(response, 400);
        assertThat(lines(body)).containsExactly(3, 4);
        assertThat(body.path("detail").asText()).contains("第 3 行", "未做任何修改");
        assertThat(api.as("admin").get("/api/admin/users").text()).doesNotContain(good, alsoGood);
        problem(api.as(good, PASSWORD).get(Flows.DECLARATIONS), 401);

        var badUnit = post("admin", "/api/admin/units", "code,name,kind,parent,oversees\n"
                + u("C-") + ",好单位,主管部门,,\n" + u("C-") + ",坏单位,二级单位,,\n");
        assertThat(lines(problem(badUnit, 400))).containsExactly(3);
        var badHeader = post("admin", "/api/admin/users", "user,name\n" + good + ",甲\n");
        assertThat(lines(problem(badHeader, 400))).containsExactly(1);
    }

    @Test
    void aFileAsExcelSavesItWithBomCrlfAndQuotesImports() {
        String username = u("x");
        String csv = "\uFEFFusername,name,unit,roles,password\r\n"
                + username + ",\"王, 小明\",HP-BDC-01,\"FILER\"," + PASSWORD + "\r\n";
        var response = post("admin", "/api/admin/users", csv);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        var user = OrganisationAdminApiTest.userOf(api.as("admin").get("/api/admin/users").body(), username);
        assertThat(user.path("name").asText()).isEqualTo("王, 小明");
        assertThat(user.path("unit").asText()).isEqualTo("HP-BDC-01");
    }

    @Test
    void onlyAdministratorsImport() {
        problem(post("dept1", "/api/admin/users", "username,name,unit,roles,password\n"), 403);
        problem(post("finance1", "/api/admin/units", "code,name,kind,parent,oversees\n"), 403);
    }

    private static java.util.List<Integer> lines(JsonNode problem) {
        var lines = new java.util.ArrayList<Integer>();
        problem.path("errors").forEach(e -> lines.add(e.path("line").asInt()));
        return lines;
    }
}
