package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

/**
 * The access rules following the unit tree, over real HTTP: each demo user against a declaration of HP-BDC (a
 * 主管部门), of HP-BDC-01 (a 二级单位 under it) and of HP-EDU (another 主管部门, 归口 to the 财政科室 CZ-JKW of finance2;
 * finance1 is the 绩效科). For filer1 HP-BDC-01 is a sub-unit, for filer3 HP-BDC its parent, for dept1 HP-EDU the
 * sibling 主管部门, for finance2 HP-BDC is another 财政科室's. Not seen: 404; seen but not allowed: 403. The expert sees
 * only what was routed to experts (ReviewRoutingApiTest).
 */
@ApplicationTest
class UnitScopeMatrixApiTest {

    private static final String USERS = "filer1 filer3 filer2 dept1 dept2 finance1 finance2 expert1 auditor1 admin";

    private static final String MATRIX = """
            HP-BDC     GET               200 404 404 200 404 200 404 404 200 200
            HP-BDC     SAVE              200 404 404 403 404 403 404 404 403 403
            HP-BDC     VALIDATION        200 404 404 200 404 200 404 404 200 200
            HP-BDC     SUBMISSION        200 404 404 403 404 403 404 404 403 403
            HP-BDC     WITHDRAWAL        200 404 404 403 404 403 404 404 403 403
            HP-BDC     DEPT_DECISION     403 404 404 200 404 403 404 404 403 403
            HP-BDC     FINANCE_DECISION  403 404 404 403 404 200 404 404 403 403
            HP-BDC     READS             200 404 404 200 404 200 404 404 200 200
            HP-BDC-01  GET               404 200 404 200 404 200 404 404 200 200
            HP-BDC-01  SAVE              404 200 404 403 404 403 404 404 403 403
            HP-BDC-01  VALIDATION        404 200 404 200 404 200 404 404 200 200
            HP-BDC-01  SUBMISSION        404 200 404 403 404 403 404 404 403 403
            HP-BDC-01  WITHDRAWAL        404 200 404 403 404 403 404 404 403 403
            HP-BDC-01  DEPT_DECISION     404 403 404 200 404 403 404 404 403 403
            HP-BDC-01  FINANCE_DECISION  404 403 404 403 404 200 404 404 403 403
            HP-BDC-01  READS             404 200 404 200 404 200 404 404 200 200
            HP-EDU     GET               404 404 200 404 200 200 200 404 200 200
            HP-EDU     SAVE              404 404 200 404 403 403 403 404 403 403
            HP-EDU     VALIDATION        404 404 200 404 200 200 200 404 200 200
            HP-EDU     SUBMISSION        404 404 200 404 403 403 403 404 403 403
            HP-EDU     WITHDRAWAL        404 404 200 404 403 403 403 404 403 403
            HP-EDU     DEPT_DECISION     404 404 403 404 200 403 403 404 403 403
            HP-EDU     FINANCE_DECISION  404 404 403 404 403 200 200 404 403 403
            HP-EDU     READS             404 404 200 404 200 200 200 404 200 200
            """;

    private static final Map<String, String[]> FILER_AND_REVIEWER = Map.of(
            "HP-BDC", new String[] {"filer1", "dept1"}, "HP-BDC-01", new String[] {"filer3", "dept1"},
            "HP-EDU", new String[] {"filer2", "dept2"});

    @Autowired
    Api api;

    enum Call { GET, SAVE, VALIDATION, SUBMISSION, WITHDRAWAL, DEPT_DECISION, FINANCE_DECISION, READS }

    static Stream<Arguments> rows() {
        var users = List.of(USERS.split(" "));
        return MATRIX.strip().lines().map(line -> {
            var cells = line.strip().split("\\s+");
            assertThat(cells).hasSize(users.size() + 2);
            var expected = new ArrayList<Integer>();
            for (int i = 2; i < cells.length; i++) {
                expected.add(Integer.parseInt(cells[i]));
            }
            return Arguments.of(cells[0], Call.valueOf(cells[1]), users, expected);
        });
    }

    @ParameterizedTest(name = "{1} of a declaration of {0}")
    @MethodSource("rows")
    void eachUserGetsWhatTheTreeAllows(String unit, Call call, List<String> users, List<Integer> expected) {
        String filer = FILER_AND_REVIEWER.get(unit)[0];
        var soft = new SoftAssertions();
        long id = prepare(call, unit);
        // Refusals first, all on one declaration that must stay as it was; each success on a fresh one.
        for (int i = 0; i < users.size(); i++) {
            if (expected.get(i) >= 400) {
                var before = current(api, filer, id);
                int status = send(call, users.get(i), id);
                soft.assertThat(status).as("%s %s as %s", call, unit, users.get(i)).isEqualTo(expected.get(i));
                var after = current(api, filer, id);
                soft.assertThat(after.path("status")).as("status after a refusal").isEqualTo(before.path("status"));
                soft.assertThat(after.path("revision")).as("revision after a refusal").isEqualTo(before.path("revision"));
            }
        }
        boolean first = true;
        for (int i = 0; i < users.size(); i++) {
            if (expected.get(i) < 400) {
                long target = first || call == Call.GET || call == Call.READS || call == Call.VALIDATION
                        ? id : prepare(call, unit);
                first = false;
                soft.assertThat(send(call, users.get(i), target)).as("%s %s as %s", call, unit, users.get(i))
                        .isEqualTo(expected.get(i));
            }
        }
        soft.assertAll();
    }

    private long prepare(Call call, String unit) {
        String filer = FILER_AND_REVIEWER.get(unit)[0];
        return switch (call) {
            case WITHDRAWAL, DEPT_DECISION -> Fixtures.inDeptReview(api, filer);
            case FINANCE_DECISION -> Fixtures.inFinanceReview(api, filer, FILER_AND_REVIEWER.get(unit)[1]);
            default -> Fixtures.validDraft(api, filer);
        };
    }

    /** The status of the call; READS are every read of one declaration, which must all answer alike. */
    private int send(Call call, String user, long id) {
        var as = api.as(user);
        return switch (call) {
            case GET -> as.get(path(id)).status();
            case SAVE -> as.put(path(id, "document"), Fixtures.validDocument(), "\"2\"").status();
            case VALIDATION -> as.post(path(id, "validation")).status();
            case SUBMISSION -> as.post(path(id, "submission")).status();
            case WITHDRAWAL -> as.post(path(id, "withdrawal")).status();
            case DEPT_DECISION, FINANCE_DECISION -> approve(api, user, id).status();
            case READS -> {
                var statuses = Stream.of(path(id, "revisions"), path(id, "revisions/1"), path(id, "diff?from=1&to=2"),
                        path(id, "history"), path(id, "document")).map(p -> as.get(p).status()).distinct().toList();
                assertThat(statuses).as("every read of %d as %s", id, user).hasSize(1);
                yield statuses.get(0);
            }
        };
    }

    @ParameterizedTest(name = "{0} lists HP-BDC {1}, HP-BDC-01 {2}, HP-EDU {3}")
    @CsvSource(textBlock = """
            filer1,   true,  false, false
            filer3,   false, true,  false
            filer2,   false, false, true
            dept1,    true,  true,  false
            dept2,    false, false, true
            finance1, true,  true,  true
            finance2, false, false, true
            expert1,  false, false, false
            auditor1, true,  true,  true
            admin,    true,  true,  true
            """)
    void listsHoldWhatTheTreeAllows(String user, boolean bdc, boolean bdcSub, boolean edu) {
        long ofBdc = Fixtures.createDraft(api, "filer1");
        long ofSub = Fixtures.createDraft(api, "filer3");
        long ofEdu = Fixtures.createDraft(api, "filer2");
        var listed = ids(api.as(user).get(Flows.DECLARATIONS));
        assertThat(listed.contains(ofBdc)).as("HP-BDC").isEqualTo(bdc);
        assertThat(listed.contains(ofSub)).as("HP-BDC-01").isEqualTo(bdcSub);
        assertThat(listed.contains(ofEdu)).as("HP-EDU").isEqualTo(edu);
    }

    @ParameterizedTest(name = "{0} tasks: dept HP-BDC {1}, HP-BDC-01 {2}, HP-EDU {3}; finance {4}, {5}, {6}")
    @CsvSource(textBlock = """
            dept1,    true,  true,  false, false, false, false
            dept2,    false, false, true,  false, false, false
            finance1, false, false, false, true,  true,  true
            finance2, false, false, false, false, false, true
            expert1,  false, false, false, false, false, false
            """)
    void tasksHoldWhatTheCallerDecides(String user, boolean deptBdc, boolean deptSub, boolean deptEdu,
                                       boolean financeBdc, boolean financeSub, boolean financeEdu) {
        long[] dept = {Fixtures.inDeptReview(api, "filer1"), Fixtures.inDeptReview(api, "filer3"),
                Fixtures.inDeptReview(api, "filer2")};
        long[] finance = {Fixtures.inFinanceReview(api, "filer1", "dept1"),
                Fixtures.inFinanceReview(api, "filer3", "dept1"), Fixtures.inFinanceReview(api, "filer2", "dept2")};
        var tasks = ids(api.as(user).get("/api/tasks"));
        boolean[] expectedDept = {deptBdc, deptSub, deptEdu};
        boolean[] expectedFinance = {financeBdc, financeSub, financeEdu};
        for (int i = 0; i < 3; i++) {
            assertThat(tasks.contains(dept[i])).as("主管部门审核 %d", i).isEqualTo(expectedDept[i]);
            assertThat(tasks.contains(finance[i])).as("财政审核 %d", i).isEqualTo(expectedFinance[i]);
        }
    }
}
