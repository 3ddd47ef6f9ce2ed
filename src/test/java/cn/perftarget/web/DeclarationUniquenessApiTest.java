package cn.perftarget.web;

import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * One declaration per department and year (部门整体支出), or per department, year and project name (项目支出): a
 * second one is 409 naming the first, whatever its status; REJECTED is final and still blocks.
 */
@ApplicationTest
class DeclarationUniquenessApiTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Autowired
    Api api;

    @BeforeEach
    void freshKeys() {
        api.freeUniquenessKeys();
    }

    /** A create under the real rule (Api.post would free the keys first). */
    private Api.Response create(String filer, String formKey, int year) {
        return api.as(filer).send("POST", Flows.DECLARATIONS,
                "{\"formKey\":\"" + formKey + "\",\"year\":" + year + "}", JSON);
    }

    private static JsonNode duplicate(Api.Response response, long existing, String status) {
        var body = problem(response, 409);
        assertThat(body.path("type").asText()).endsWith("duplicate-declaration");
        assertThat(body.at("/existing/id").asLong()).isEqualTo(existing);
        assertThat(body.at("/existing/status").asText()).isEqualTo(status);
        assertThat(body.path("detail").asText()).contains("申报表 " + existing);
        return body;
    }

    @Test
    void secondDeptOverallOfTheSameDepartmentAndYearIsConflictNamingTheFirst() {
        var first = create("filer1", "dept-overall", 2031);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long id = first.body().path("id").asLong();

        var body = duplicate(create("filer1", "dept-overall", 2031), id, "DRAFT");
        assertThat(body.path("detail").asText()).contains("黄陂区大数据中心", "2031", "部门、年度", "草稿");
        // Other tests of the shared database file 2031 declarations too: count those since the first.
        assertThat(Flows.ids(api.as("filer1").get(Flows.DECLARATIONS + "?year=2031&size=500")))
                .filteredOn(other -> other >= id).hasSize(1);
    }

    @Test
    void otherYearOtherDepartmentOrOtherFormIsNoDuplicate() {
        assertThat(create("filer1", "dept-overall", 2032).status()).isEqualTo(201);
        assertThat(create("filer1", "dept-overall", 2033).status()).isEqualTo(201);
        assertThat(create("filer2", "dept-overall", 2032).status()).isEqualTo(201);
        assertThat(create("filer1", "project-expenditure", 2032).status()).isEqualTo(201);
    }

    @Test
    void approvedDeclarationBlocksANewOneAndIsReopenedByAnAdjustment() {
        long id = Flows.approved(api);
        var body = duplicate(create("filer1", "dept-overall", 2020), id, "APPROVED");
        assertThat(body.path("detail").asText()).contains("调整");

        var adjusted = api.as("filer1").post(path(id, "adjustment"));
        assertThat(adjusted.status()).as(adjusted.text()).isEqualTo(200);
        assertThat(adjusted.body().path("status").asText()).isEqualTo("DRAFT");
        duplicate(create("filer1", "dept-overall", 2020), id, "DRAFT");
    }

    @Test
    void rejectedDeclarationIsFinalAndStillBlocksTheYear() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var rejected = Flows.decide(api, "finance1", id, Map.of("outcome", "reject", "comment", "不予安排"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        var body = duplicate(create("filer1", "dept-overall", 2020), id, "REJECTED");
        assertThat(body.path("detail").asText()).contains("驳回");
    }

    @Test
    void concurrentCreatesGiveOneCreatedAndOneConflictNamingIt() throws Exception {
        var threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                int year = 2040 + round;
                var before = idsOfYear(year);
                var start = new CountDownLatch(1);
                List<Future<Api.Response>> calls = new ArrayList<>();
                for (String filer : new String[] {"filer1", "filer1"}) {
                    calls.add(threads.submit(() -> {
                        start.await();
                        return create(filer, "dept-overall", year);
                    }));
                }
                start.countDown();
                var a = calls.get(0).get(30, TimeUnit.SECONDS);
                var b = calls.get(1).get(30, TimeUnit.SECONDS);
                var created = a.status() == 201 ? a : b;
                var refused = a.status() == 201 ? b : a;
                assertThat(List.of(a.status(), b.status())).as(a.text() + " / " + b.text()).containsExactlyInAnyOrder(201, 409);
                duplicate(refused, created.body().path("id").asLong(), "DRAFT");
                // other tests of the shared context may have filed (and freed the key of) this year before: the
                // round must add exactly one declaration, the one answered 201
                var after = idsOfYear(year);
                after.removeAll(before);
                assertThat(after).containsExactly(created.body().path("id").asLong());
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private java.util.Set<Long> idsOfYear(int year) {
        var ids = new java.util.HashSet<Long>();
        api.as("filer1").get(Flows.DECLARATIONS + "?year=" + year + "&size=500").body()
                .forEach(d -> ids.add(d.path("id").asLong()));
        return ids;
    }

    @Test
    void projectNameIsCheckedOnSaveAndAWidthOrSpacingVariantIsTheSameName() {
        long first = createdProject();
        long second = createdProject();
        assertThat(saveProjectName(first, "智慧城市 A 期", "\"1\"").status()).isEqualTo(200);

        var body = duplicate(saveProjectName(second, "  智慧城市　Ａ 期", "\"1\""), first, "DRAFT");
        assertThat(body.path("detail").asText()).contains("项目名称", "智慧城市 A 期");
        var unchanged = api.as("filer1").get(path(second));
        assertThat(unchanged.body().path("revision").asInt()).isEqualTo(1);

        assertThat(saveProjectName(second, "智慧城市 B 期", "\"1\"").status()).isEqualTo(200);
        // The first may keep its name, and rename itself; then the old name is free for the second.
        assertThat(saveProjectName(first, "智慧城市 A 期", "\"2\"").status()).isEqualTo(200);
        assertThat(saveProjectName(first, "智慧城市 C 期", "\"3\"").status()).isEqualTo(200);
        assertThat(saveProjectName(second, "智慧城市 A 期", "\"2\"").status()).isEqualTo(200);
    }

    private long createdProject() {
        var created = create("filer1", "project-expenditure", 2050);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private Api.Response saveProjectName(long id, String name, String ifMatch) {
        var document = (ObjectNode) api.as("filer1").get(path(id)).body().path("document").deepCopy();
        ((ObjectNode) document.path("header")).put("projectName", name);
        return api.as("filer1").put(path(id, "document"), document, ifMatch);
    }
}
