package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * Who may do what, against a declaration of HP-BDC (filed by filer1) in the state each call needs. A declaration
 * the caller may not see is 404; one the caller sees but may not act on is 403. The expert sees only what was routed
 * to 专家评审 (ReviewRoutingApiTest); the unit tree's rules are in UnitScopeMatrixApiTest.
 */
@ApplicationTest
class AccessMatrixApiTest {

    private static final String MATRIX = """
            call              filer1  filer2  dept1  dept2  finance1  expert1  auditor1  admin
            CREATE            201     201     403    403    403       403      403       403
            LIST              200     200     200    200    200       200      200       200
            GET               200     404     200    404    200       404      200       200
            SAVE              200     404     403    404    403       404      403       403
            VALIDATION        200     404     200    404    200       404      200       200
            SUBMISSION        200     404     403    404    403       404      403       403
            WITHDRAWAL        200     404     403    404    403       404      403       403
            ADJUSTMENT        200     404     403    404    403       404      403       403
            TASKS             403     403     200    200    200       200      403       403
            DEPT_DECISION     403     404     200    404    403       404      403       403
            FINANCE_DECISION  403     404     403    404    200       404      403       403
            REVISIONS         200     404     200    404    200       404      200       200
            REVISION          200     404     200    404    200       404      200       200
            DIFF              200     404     200    404    200       404      200       200
            HISTORY           200     404     200    404    200       404      200       200
            """;

    @Autowired
    Api api;

    /** Each call of the DESIGN table: the state it needs, and the request. */
    enum Call {
        CREATE(api -> 0, (api, user, id) -> api.as(user).post(Flows.DECLARATIONS,
                Map.of("formKey", "dept-overall", "year", 2020))),
        LIST(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(Flows.DECLARATIONS)),
        GET(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(path(id))),
        SAVE(api -> Fixtures.validDraft(api, "filer1"),
                (api, user, id) -> api.as(user).put(path(id, "document"), Fixtures.validDocument(), "\"2\"")),
        VALIDATION(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).post(path(id, "validation"))),
        SUBMISSION(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).post(path(id, "submission"))),
        WITHDRAWAL(api -> Fixtures.inDeptReview(api, "filer1"),
                (api, user, id) -> api.as(user).post(path(id, "withdrawal"))),
        ADJUSTMENT(Flows::approved, (api, user, id) -> api.as(user).post(path(id, "adjustment"))),
        TASKS(api -> Fixtures.inDeptReview(api, "filer1"), (api, user, id) -> api.as(user).get("/api/tasks")),
        DEPT_DECISION(api -> Fixtures.inDeptReview(api, "filer1"), (api, user, id) -> approve(api, user, id)),
        FINANCE_DECISION(api -> Fixtures.inFinanceReview(api, "filer1", "dept1"), (api, user, id) -> approve(api, user, id)),
        REVISIONS(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(path(id, "revisions"))),
        REVISION(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(path(id, "revisions/1"))),
        DIFF(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(path(id, "diff?from=1&to=2"))),
        HISTORY(api -> Fixtures.validDraft(api, "filer1"), (api, user, id) -> api.as(user).get(path(id, "history")));

        private final ToLongFunction<Api> prepare;
        private final Request request;

        Call(ToLongFunction<Api> prepare, Request request) {
            this.prepare = prepare;
            this.request = request;
        }
    }

    @FunctionalInterface
    interface Request {
        Api.Response send(Api api, String user, long id);
    }

    static Stream<Arguments> matrix() {
        var lines = MATRIX.strip().lines().map(String::strip).toList();
        var users = List.of(lines.get(0).split("\\s+")).subList(1, lines.get(0).split("\\s+").length);
        var cells = new ArrayList<Arguments>();
        for (String line : lines.subList(1, lines.size())) {
            var columns = line.split("\\s+");
            assertThat(columns).hasSize(users.size() + 1);
            for (int i = 0; i < users.size(); i++) {
                cells.add(Arguments.of(Call.valueOf(columns[0]), users.get(i), Integer.parseInt(columns[i + 1])));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void eachUserGetsTheStatusTheMatrixSays(Call call, String user, int expected) {
        long id = call.prepare.applyAsLong(api);
        var before = id == 0 ? null : current(api, "filer1", id);

        var response = call.request.send(api, user, id);

        assertThat(response.status()).as("%s as %s: %s", call, user, response.text()).isEqualTo(expected);
        if (expected >= 400) {
            problem(response, expected);
        }
        if (expected >= 400 && before != null) {
            var after = current(api, "filer1", id);
            assertThat(after.path("status")).as("status after a refused call").isEqualTo(before.path("status"));
            assertThat(after.path("revision")).as("revision after a refused call").isEqualTo(before.path("revision"));
        }
    }

    @ParameterizedTest(name = "{0} sees HP-BDC: {1}, HP-EDU: {2}")
    @CsvSource(textBlock = """
            filer1,   true,  false
            filer2,   false, true
            dept1,    true,  false
            dept2,    false, true
            finance1, true,  true
            expert1,  false, false
            auditor1, true,  true
            admin,    true,  true
            """)
    void listShowsOnlyTheDepartmentsTheCallerMaySee(String user, boolean seesBdc, boolean seesEdu) {
        long bdc = Fixtures.createDraft(api, "filer1");
        long edu = Fixtures.createDraft(api, "filer2");

        var listed = ids(api.as(user).get(Flows.DECLARATIONS));
        assertThat(listed.contains(bdc)).as("%s lists HP-BDC declaration %d", user, bdc).isEqualTo(seesBdc);
        assertThat(listed.contains(edu)).as("%s lists HP-EDU declaration %d", user, edu).isEqualTo(seesEdu);
        assertThat(api.as(user).get(path(bdc)).status()).isEqualTo(seesBdc ? 200 : 404);
        assertThat(api.as(user).get(path(edu)).status()).isEqualTo(seesEdu ? 200 : 404);
    }

    @ParameterizedTest(name = "{0} tasks: BDC dept {1}, EDU dept {2}, BDC finance {3}, EDU finance {4}")
    @CsvSource(textBlock = """
            dept1,    true,  false, false, false
            dept2,    false, true,  false, false
            finance1, false, false, true,  true
            expert1,  false, false, false, false
            """)
    void tasksHoldWhatWaitsForTheCaller(String user, boolean bdcDept, boolean eduDept, boolean bdcFinance,
                                         boolean eduFinance) {
        long bdcInDeptReview = Fixtures.inDeptReview(api, "filer1");
        long eduInDeptReview = Fixtures.inDeptReview(api, "filer2");
        long bdcInFinanceReview = Fixtures.inFinanceReview(api, "filer1", "dept1");
        long eduInFinanceReview = Fixtures.inFinanceReview(api, "filer2", "dept2");

        var tasks = ids(api.as(user).get("/api/tasks"));
        assertThat(tasks.contains(bdcInDeptReview)).as("HP-BDC in 主管部门审核").isEqualTo(bdcDept);
        assertThat(tasks.contains(eduInDeptReview)).as("HP-EDU in 主管部门审核").isEqualTo(eduDept);
        assertThat(tasks.contains(bdcInFinanceReview)).as("HP-BDC in 财政审核").isEqualTo(bdcFinance);
        assertThat(tasks.contains(eduInFinanceReview)).as("HP-EDU in 财政审核").isEqualTo(eduFinance);
    }

    @ParameterizedTest(name = "decision on a draft as {0} → {1}")
    @CsvSource(textBlock = """
            dept1,    409
            finance1, 409
            expert1,  404
            dept2,    404
            filer2,   404
            """)
    void decisionOnADraftIsConflictForThoseWhoSeeIt(String user, int expected) {
        long id = Fixtures.validDraft(api, "filer1");
        problem(approve(api, user, id), expected);
        assertThat(current(api, "filer1", id).path("status").asText()).isEqualTo("DRAFT");
    }

    @ParameterizedTest(name = "/engine-rest as {0} → {1}")
    @CsvSource(textBlock = """
            anonymous, 401
            filer1,    403
            dept1,     403
            finance1,  403
            auditor1,  403
            admin,     200
            """)
    void engineRestApiIsForAdministratorsOnly(String user, int expected) {
        String path = "/engine-rest/process-definition";
        var response = user.equals("anonymous") ? api.anonymous(HttpMethod.GET, path) : api.as(user).get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(response.body().findValuesAsText("key")).contains("DeclarationApproval");
        } else {
            problem(response, expected);
        }
    }

    @ParameterizedTest(name = "{1} as {0} → {2}")
    @CsvSource(textBlock = """
            anonymous, /actuator/health,  200
            anonymous, /actuator/metrics, 401
            auditor1,  /actuator/metrics, 403
            admin,     /actuator/metrics, 200
            """)
    void healthIsOpenAndOtherManagementEndpointsAreForAdministrators(String user, String path, int expected) {
        var response = user.equals("anonymous") ? api.anonymous(HttpMethod.GET, path) : api.as(user).get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(expected);
    }
}
