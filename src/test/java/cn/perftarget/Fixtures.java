package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ready-made declarations for tests that need one in a given state. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The seed's 2020 部门整体支出 form, corrected so that it passes validation. */
    public static ObjectNode validDocument() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/forms/samples/dept-overall-2020-huangpi-corrected.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corrected sample moved to another budget year: header year and the 近两年 columns of the funds. */
    public static ObjectNode validDocument(int year) {
        var document = validDocument();
        ((ObjectNode) document.get("header")).put("year", year);
        for (String table : new String[] {"income", "expenditure"}) {
            document.path("funds").path(table).forEach(row -> {
                var history = (ObjectNode) row.get("history");
                if (history != null) {
                    var shifted = JSON.createObjectNode();
                    history.fields().forEachRemaining(e -> shifted.set(
                            Integer.toString(Integer.parseInt(e.getKey()) + year - 2020), e.getValue()));
                    ((ObjectNode) row).set("history", shifted);
                }
            });
        }
        return document;
    }

    public static long createDraft(Api api, String filer) {
        var created = api.as(filer).post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2020));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    /** A draft whose current revision is the valid document. */
    public static long validDraft(Api api, String filer) {
        var created = api.as(filer).post("/api/declarations", Map.of("formKey", "dept-overall", "year", 2020));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        // The form must name the declaration's own department (header.department-mismatch): keep the prefilled one.
        var document = validDocument();
        ((ObjectNode) document.get("header")).put("department", created.body().at("/document/header/department").asText());
        var saved = api.as(filer).put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return id;
    }

    /** A valid declaration submitted and waiting for its 主管部门. */
    public static long inDeptReview(Api api, String filer) {
        long id = validDraft(api, filer);
        var submitted = api.as(filer).post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }

    /** A valid declaration approved by its 主管部门, waiting for 财政. */
    public static long inFinanceReview(Api api, String filer, String deptReviewer) {
        long id = inDeptReview(api, filer);
        var decided = api.as(deptReviewer).post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        return id;
    }

    /** A valid declaration of this template and year, submitted: it waits in the first step of the template's process. */
    public static long submitted(Api api, String filer, String formKey, int year) {
        var created = api.as(filer).post("/api/declarations", Map.of("formKey", formKey, "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var document = validDocument(year);
        ((ObjectNode) document.get("header")).put("department", created.body().at("/document/header/department").asText());
        var saved = api.as(filer).put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as(filer).post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return id;
    }

    /** The year-end figures of 黄陂区大数据中心 against the seed's 12 approved targets: 97.29 points, 优. */
    public static final String[] SELF_EVALUATION_ACTUALS = {"100%", "150.2万元", "99%", "97%", "99.5%", "1个工作日",
        "98%", "98.5%", "8个", "90.5万元", "99%", "96%"};

    /**
     * A 2020 declaration of filer1 approved by dept1 and finance1, and its self-evaluation with
     * {@link #SELF_EVALUATION_ACTUALS} (97.29, 优) approved by both in turn; the self-evaluation's id.
     */
    public static long approvedSelfEvaluation(Api api) {
        return approvedSelfEvaluationOf(api, 2020);
    }

    /** As {@link #approvedSelfEvaluation(Api)}, on filer1's declaration of another budget year. */
    public static long approvedSelfEvaluationOf(Api api, int year) {
        long base = submitted(api, "filer1", "dept-overall", year);
        var deptApproved = api.as("dept1").post("/api/declarations/" + base + "/decision", Map.of("outcome", "approve"));
        assertThat(deptApproved.status()).as(deptApproved.text()).isEqualTo(200);
        var approvedBase = api.as("finance1").post("/api/declarations/" + base + "/decision",
                Map.of("outcome", "approve", "grade", "优"));
        assertThat(approvedBase.status()).as(approvedBase.text()).isEqualTo(200);
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "self-evaluation", "basedOn", base));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = (ObjectNode) created.body().path("document");
        for (int i = 0; i < SELF_EVALUATION_ACTUALS.length; i++) {
            ((ObjectNode) document.at("/indicators/" + i)).put("actual", SELF_EVALUATION_ACTUALS[i]);
        }
        ((ObjectNode) document.at("/indicators/8")).put("deviationReason", "人员保障").put("improvement", "增配网站编辑人员");
        document.with("header").put("filler", "张三");
        document.with("funds").put("executed", 230.50).put("executionRate", 94.86);
        var saved = api.as("filer1").put("/api/declarations/" + id + "/document", document, "\"1\"");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        var submitted = api.as("filer1").post("/api/declarations/" + id + "/submission");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        for (String reviewer : new String[] {"dept1", "finance1"}) {
            var decided = api.as(reviewer).post("/api/declarations/" + id + "/decision", Map.of("outcome", "approve"));
            assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        }
        assertThat(api.as("filer1").get("/api/declarations/" + id).body().path("status").asText()).isEqualTo("APPROVED");
        return id;
    }
}
