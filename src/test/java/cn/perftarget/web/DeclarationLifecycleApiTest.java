package cn.perftarget.web;

import static cn.perftarget.web.Flows.approve;
import static cn.perftarget.web.Flows.approved;
import static cn.perftarget.web.Flows.current;
import static cn.perftarget.web.Flows.decide;
import static cn.perftarget.web.Flows.ids;
import static cn.perftarget.web.Flows.path;
import static cn.perftarget.web.Flows.problem;
import static cn.perftarget.web.Flows.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;

@ApplicationTest
class DeclarationLifecycleApiTest {

    @Autowired
    Api api;

    @Test
    void declarationGoesFromDraftThroughBothReviewsToApproved() {
        var created = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2020));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString(path(id));
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.body().path("department").asText()).isEqualTo("HP-BDC");
        assertThat(created.body().path("formKey").asText()).isEqualTo("dept-overall");
        assertThat(created.body().path("year").asInt()).isEqualTo(2020);
        assertThat(created.body().at("/document/header/department").asText()).isEqualTo("黄陂区大数据中心");
        assertThat(created.body().at("/document/header/year").asInt()).isEqualTo(2020);

        var fetched = api.as("filer1").get(created.headers().getLocation().toString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.etag()).isEqualTo("\"1\"");

        var saved = api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.etag()).isEqualTo("\"2\"");
        assertThat(saved.body().path("revision").asInt()).isEqualTo(2);

        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");

        var deptApproved = approve(api, "dept1", id);
        assertThat(deptApproved.status()).as(deptApproved.text()).isEqualTo(200);
        assertThat(deptApproved.body().path("status").asText()).isEqualTo("FINANCE_REVIEW");

        var financeApproved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "优"));
        assertThat(financeApproved.status()).as(financeApproved.text()).isEqualTo(200);
        assertThat(financeApproved.body().path("status").asText()).isEqualTo("APPROVED");

        var approved = current(api, "filer1", id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedRevision").asInt()).isEqualTo(approved.path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void returnedDeclarationIsEditedAndResubmitted() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var returned = decide(api, "dept1", id,
                Map.of("outcome", "return", "comment", "请填写带区号的联系电话", "fields", List.of("/header/phone")));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.body().path("status").asText()).isEqualTo("RETURNED");

        var fetched = api.as("filer1").get(path(id));
        assertThat(fetched.etag()).isEqualTo("\"2\"");
        var document = (ObjectNode) fetched.body().path("document");
        ((ObjectNode) document.path("header")).put("phone", "027-85916419");
        var saved = api.as("filer1").put(path(id, "document"), document, fetched.etag());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.etag()).isEqualTo("\"3\"");
        assertThat(saved.body().path("status").asText()).isEqualTo("RETURNED");

        var resubmitted = api.as("filer1").post(path(id, "submission"));
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
        assertThat(resubmitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
        var approved = approve(api, "dept1", id);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("FINANCE_REVIEW");

        var revisions = api.as("filer1").get(path(id, "revisions"));
        assertThat(revisions.status()).isEqualTo(200);
        assertThat(revisions.body().findValuesAsText("number")).containsExactly("1", "2", "3");

        var diff = api.as("filer1").get(path(id, "diff?from=2&to=3"));
        assertThat(diff.status()).as(diff.text()).isEqualTo(200);
        assertThat(diff.body()).hasSize(1);
        assertThat(diff.body().get(0).path("path").asText()).isEqualTo("/header/phone");
        assertThat(diff.body().get(0).path("old").asText()).isEqualTo("85916419");
        assertThat(diff.body().get(0).path("new").asText()).isEqualTo("027-85916419");
    }

    @Test
    void filerWithdrawsASubmissionNoReviewerHasActedOn() {
        long id = Fixtures.inDeptReview(api, "filer1");
        var withdrawn = api.as("filer1").post(path(id, "withdrawal"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DRAFT");

        var resubmitted = api.as("filer1").post(path(id, "submission"));
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(200);
        assertThat(resubmitted.body().path("status").asText()).isEqualTo("DEPT_REVIEW");
    }

    @Test
    void withdrawalAfterTheDepartmentApprovedIsConflict() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        problem(api.as("filer1").post(path(id, "withdrawal")), 409);
        assertThat(statusOf(api, "filer1", id)).isEqualTo("FINANCE_REVIEW");
    }

    @Test
    void rejectionByFinanceIsFinal() {
        long id = Fixtures.inFinanceReview(api, "filer1", "dept1");
        var rejected = decide(api, "finance1", id, Map.of("outcome", "reject", "comment", "与部门职能无关，不予安排"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");

        problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"2\""), 409);
        problem(api.as("filer1").post(path(id, "submission")), 409);
        var after = current(api, "filer1", id);
        assertThat(after.path("status").asText()).isEqualTo("REJECTED");
        assertThat(after.path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void submittingTheDraftAsCreatedIsUnprocessableAndKeepsItDraft() {
        long id = Fixtures.createDraft(api, "filer1");
        var body = problem(api.as("filer1").post(path(id, "submission")), 422);
        assertThat(body.path("valid").isBoolean()).isTrue();
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("errors")).anySatisfy(error -> {
            assertThat(error.path("path").asText()).isEqualTo("/header/phone");
            assertThat(error.path("rule").asText()).isEqualTo("structure.required");
            assertThat(error.path("message").asText()).isNotBlank();
        });
        assertThat(statusOf(api, "filer1", id)).isEqualTo("DRAFT");
    }

    @Test
    void staleIfMatchIsPreconditionFailedAndLeavesTheDocumentAlone() {
        long id = Fixtures.validDraft(api, "filer1");
        var before = current(api, "filer1", id);
        var changed = Fixtures.validDocument();
        ((ObjectNode) changed.path("header")).put("phone", "13800000000");

        var stale = api.as("filer1").put(path(id, "document"), changed, "\"1\"");
        problem(stale, 412);
        assertThat(stale.etag()).isEqualTo("\"2\"");

        var after = current(api, "filer1", id);
        assertThat(after.path("revision").asInt()).isEqualTo(2);
        assertThat(after.at("/document/header/phone").asText()).isEqualTo("85916419");
        assertThat(after.path("document")).isEqualTo(before.path("document"));
    }

    @Test
    void saveWithoutIfMatchIsPreconditionRequired() {
        long id = Fixtures.validDraft(api, "filer1");
        problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), null), 428);
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void savingAnApprovedDeclarationIsConflict() {
        long id = approved(api);
        problem(api.as("filer1").put(path(id, "document"), Fixtures.validDocument(), "\"2\""), 409);
        assertThat(current(api, "filer1", id).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void adjustmentReopensAnApprovedDeclarationAndKeepsTheApprovedRevisionReadable() {
        long id = approved(api);
        var adjusted = api.as("filer1").post(path(id, "adjustment"));
        assertThat(adjusted.status()).as(adjusted.text()).isEqualTo(200);
        assertThat(adjusted.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(adjusted.body().path("approvedRevision").asInt()).isEqualTo(2);

        var changed = Fixtures.validDocument();
        ((ObjectNode) changed.path("header")).put("phone", "027-85916419");
        var saved = api.as("filer1").put(path(id, "document"), changed, adjusted.etag());
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().path("revision").asInt()).isEqualTo(3);
        assertThat(saved.body().path("approvedRevision").asInt()).isEqualTo(2);

        var approvedRevision = api.as("filer1").get(path(id, "revisions/2"));
        assertThat(approvedRevision.status()).as(approvedRevision.text()).isEqualTo(200);
        assertThat(approvedRevision.body().path("number").asInt()).isEqualTo(2);
        assertThat(approvedRevision.body().at("/document/header/phone").asText()).isEqualTo("85916419");

        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        var reapproved = decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "良"));
        assertThat(reapproved.status()).as(reapproved.text()).isEqualTo(200);
        assertThat(reapproved.body().path("approvedRevision").asInt()).isEqualTo(3);
    }

    @Test
    void validationReportsWithoutChangingAnything() {
        long id = Fixtures.createDraft(api, "filer1");
        var report = api.as("dept1").post(path(id, "validation"));
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.body().path("valid").asBoolean(true)).isFalse();
        assertThat(report.body().path("errors")).anySatisfy(e -> assertThat(e.path("path").asText()).isEqualTo("/header/phone"));
        assertThat(report.body().path("warnings").isArray()).isTrue();
        var after = current(api, "filer1", id);
        assertThat(after.path("status").asText()).isEqualTo("DRAFT");
        assertThat(after.path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void adjustmentOfADraftIsConflict() {
        long id = Fixtures.validDraft(api, "filer1");
        problem(api.as("filer1").post(path(id, "adjustment")), 409);
        var after = current(api, "filer1", id);
        assertThat(after.path("status").asText()).isEqualTo("DRAFT");
        assertThat(after.path("approvedRevision").isNull()).isTrue();
    }

    @Test
    void historyListsEveryActionInOrderWithStatusesAndTheReturnComment() {
        long id = Fixtures.inDeptReview(api, "filer1");
        decide(api, "dept1", id, Map.of("outcome", "return", "comment", "联系电话请加区号"));
        var document = Fixtures.validDocument();
        ((ObjectNode) document.path("header")).put("phone", "027-85916419");
        assertThat(api.as("filer1").put(path(id, "document"), document, "\"2\"").status()).isEqualTo(200);
        assertThat(api.as("filer1").post(path(id, "submission")).status()).isEqualTo(200);
        assertThat(approve(api, "dept1", id).status()).isEqualTo(200);
        assertThat(decide(api, "finance1", id, Map.of("outcome", "approve", "grade", "良")).status()).isEqualTo(200);

        var history = api.as("auditor1").get(path(id, "history"));
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        var events = new ArrayList<JsonNode>();
        // The history also holds the engine's activities (source "engine"); these are the audit events.
        history.body().forEach(e -> {
            if (e.path("source").asText().equals("audit")) {
                events.add(e);
            }
        });
        assertThat(events).extracting(e -> e.path("action").asText(), e -> e.path("actor").asText(),
                        e -> e.path("fromStatus").asText(null), e -> e.path("toStatus").asText())
                .containsExactly(
                        tuple("CREATED", "filer1", null, "DRAFT"),
                        tuple("OVERDUE", "system", "DRAFT", "DRAFT"),
                        tuple("SAVED", "filer1", "DRAFT", "DRAFT"),
                        tuple("SUBMITTED", "filer1", "DRAFT", "DEPT_REVIEW"),
                        tuple("RETURNED", "dept1", "DEPT_REVIEW", "RETURNED"),
                        tuple("SAVED", "filer1", "RETURNED", "RETURNED"),
                        tuple("SUBMITTED", "filer1", "RETURNED", "DEPT_REVIEW"),
                        tuple("APPROVED", "dept1", "DEPT_REVIEW", "FINANCE_REVIEW"),
                        tuple("APPROVED", "finance1", "FINANCE_REVIEW", "APPROVED"));
        assertThat(events).allSatisfy(e -> assertThat(e.path("time").asText()).isNotBlank());
        assertThat(events.get(4).path("comment").asText()).isEqualTo("联系电话请加区号");
        assertThat(events.get(8).path("grade").asText()).isEqualTo("良");
        assertThat(events.get(5).path("revision").asInt()).isEqualTo(3);
    }

    @Test
    void listFiltersByStatusAndYear() {
        long inReview2020 = Fixtures.inDeptReview(api, "filer1");
        long draft2020 = Fixtures.validDraft(api, "filer1");
        long inReview2021 = inDeptReviewFor2021();

        var listed = api.as("filer1").get(Flows.DECLARATIONS + "?status=DEPT_REVIEW&year=2020");
        assertThat(ids(listed)).contains(inReview2020).doesNotContain(draft2020, inReview2021);
        assertThat(listed.body()).allSatisfy(d -> {
            assertThat(d.path("status").asText()).isEqualTo("DEPT_REVIEW");
            assertThat(d.path("year").asInt()).isEqualTo(2020);
            assertThat(d.has("document")).isFalse();
        });
        assertThat(ids(api.as("filer1").get(Flows.DECLARATIONS + "?year=2021")))
                .contains(inReview2021).doesNotContain(inReview2020, draft2020);
        assertThat(ids(api.as("filer1").get(Flows.DECLARATIONS + "?status=DRAFT")))
                .contains(draft2020).doesNotContain(inReview2020, inReview2021);
    }

    private long inDeptReviewFor2021() {
        var created = api.as("filer1").post(Flows.DECLARATIONS, Map.of("formKey", "dept-overall", "year", 2021));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = Fixtures.validDocument(2021);
        assertThat(api.as("filer1").put(path(id, "document"), document, "\"1\"").status()).isEqualTo(200);
        var submitted = api.as("filer1").post(path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }
}
