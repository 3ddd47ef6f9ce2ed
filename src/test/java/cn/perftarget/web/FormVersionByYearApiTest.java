package cn.perftarget.web;

import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/** POST /api/declarations picks the form version for the budget year; GET /api/forms/{key}?year= shows it. */
@ApplicationTest
class FormVersionByYearApiTest {

    @Autowired
    Api api;

    @Test
    void declarationOf2021PinsV1AndOf2022PinsV2ForLife() {
        var old = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2021));
        var recent = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2022));

        assertThat(old.status()).as(old.text()).isEqualTo(201);
        assertThat(old.body().path("formVersion").asInt()).isEqualTo(1);
        assertThat(recent.status()).as(recent.text()).isEqualTo(201);
        assertThat(recent.body().path("formVersion").asInt()).isEqualTo(2);
        assertThat(recent.body().at("/document/header/department").asText()).isEqualTo("黄陂区大数据中心");

        var again = api.as("filer1").get(path(old.body().path("id").asLong()));
        assertThat(again.body().path("formVersion").asInt()).isEqualTo(1);
    }

    @Test
    void formsEndpointReturnsTheLatestOrTheVersionForAYear() {
        assertThat(api.as("filer1").get("/api/forms/dept-overall").body().path("version").asInt()).isEqualTo(2);
        assertThat(api.as("filer1").get("/api/forms/dept-overall?year=2020").body().path("version").asInt()).isEqualTo(1);
        assertThat(api.as("filer1").get("/api/forms/dept-overall?year=2023").body().path("version").asInt()).isEqualTo(2);
        assertThat(api.as("filer1").get("/api/forms").body().findValuesAsText("key")).contains("dept-overall");
    }

    @Test
    void unknownFormForAYearIsNotFound() {
        problem(api.as("filer1").get("/api/forms/no-such-form?year=2020"), 404);
    }
}
