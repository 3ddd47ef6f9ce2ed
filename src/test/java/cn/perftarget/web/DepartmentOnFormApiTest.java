package cn.perftarget.web;

import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/** The department on the form must be the declaration's own: submission checks it against the directory's name. */
@ApplicationTest
class DepartmentOnFormApiTest {

    @Autowired
    Api api;

    @Test
    void formNamingAnotherDepartmentIsNotSubmittedAndStaysADraft() {
        var created = api.as("filer2").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2020));
        long id = created.body().path("id").asLong();
        assertThat(created.body().at("/document/header/department").asText()).isEqualTo("黄陂区教育局");
        // The 黄陂区大数据中心 sample, saved by a filer of 黄陂区教育局.
        assertThat(api.as("filer2").put(path(id, "document"), Fixtures.validDocument(), "\"1\"").status()).isEqualTo(200);

        var body = problem(api.as("filer2").post(path(id, "submission")), 422);

        assertThat(body.at("/errors/0/path").asText()).isEqualTo("/header/department");
        assertThat(body.at("/errors/0/rule").asText()).isEqualTo("header.department-mismatch");
        assertThat(body.at("/errors/0/message").asText()).contains("黄陂区大数据中心", "黄陂区教育局");
        assertThat(api.as("filer2").get(path(id)).body().path("status").asText()).isEqualTo("DRAFT");
    }
}
