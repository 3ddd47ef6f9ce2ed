package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.audit.AuditVerifier;
import cn.perftarget.files.Http;

/**
 * 附件 through a declaration's life: bound to the revision they were added in (a submitted revision keeps its files),
 * changed only by the unit's filers while editable, read by whoever may read the declaration (others 404), audited,
 * and a kind the template requires is a validation error that blocks submission.
 */
@ApplicationTest
class AttachmentRevisionsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifier verifier;
    Uploads uploads;

    @BeforeEach
    void client() {
        uploads = new Uploads(new Http(port));
    }

    private static List<String> names(Http.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        var names = new ArrayList<String>();
        list.json().forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    private long upload(String user, long id, String kind, String name) {
        var created = uploads.upload(user, id, kind, name, SampleFiles.pdf());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    @Test
    void aSubmittedRevisionKeepsItsFilesWhenTheReturnedDraftRemovesThem() {
        long id = Fixtures.validDraft(api, "filer1");
        long basis = upload("filer1", id, "测算依据", "测算依据.pdf");
        upload("filer1", id, "其他", "照片说明.pdf");
        assertThat(api.as("filer1").post(Flows.path(id, "submission")).status()).isEqualTo(200);
        int submitted = Flows.current(api, "filer1", id).path("revision").asInt();

        // In review nobody changes the files.
        assertThat(uploads.upload("filer1", id, "其他", "迟到.pdf", SampleFiles.pdf()).status()).isEqualTo(409);
        assertThat(uploads.remove("filer1", id, basis).status()).isEqualTo(409);

        var returned = Flows.decide(api, "dept1", id, Map.of("outcome", "return", "comment", "测算依据需更新"));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(uploads.remove("filer1", id, basis).status()).isEqualTo(204);

        int now = Flows.current(api, "filer1", id).path("revision").asInt();
        assertThat(now).isEqualTo(submitted + 1);
        assertThat(names(uploads.list("filer1", id))).containsExactly("照片说明.pdf");
        assertThat(names(uploads.list("filer1", id, submitted))).containsExactly("测算依据.pdf", "照片说明.pdf");
        var frozen = api.as("dept1").get(Flows.path(id, "revisions/" + submitted)).body();
        assertThat(frozen.path("attachments")).extracting(f -> f.path("name").asText())
                .containsExactly("测算依据.pdf", "照片说明.pdf");
        assertThat(api.as("dept1").get(Flows.path(id, "revisions/" + now)).body().path("attachments"))
                .extracting(f -> f.path("name").asText()).containsExactly("照片说明.pdf");
        // The file of the frozen revision still downloads.
        assertThat(uploads.download("dept1", id, basis).body()).isEqualTo(SampleFiles.pdf());
        // A second change in the same draft adds no revision.
        upload("filer1", id, "测算依据", "测算依据（修订）.pdf");
        assertThat(Flows.current(api, "filer1", id).path("revision").asInt()).isEqualTo(now);
    }

    @Test
    void othersGet404AReviewerReadsButMayNotChangeAndTheOwnUnitsFilerDoes() {
        long id = Fixtures.validDraft(api, "filer1");
        long file = upload("filer1", id, "其他", "说明.pdf");

        for (String outsider : List.of("filer2", "dept2", "finance2")) {
            assertThat(uploads.list(outsider, id).status()).as(outsider).isEqualTo(404);
            assertThat(uploads.download(outsider, id, file).status()).as(outsider).isEqualTo(404);
            assertThat(uploads.upload(outsider, id, "其他", "x.pdf", SampleFiles.pdf()).status()).as(outsider).isEqualTo(404);
            assertThat(uploads.remove(outsider, id, file).status()).as(outsider).isEqualTo(404);
        }
        for (String reader : List.of("dept1", "finance1", "auditor1")) {
            assertThat(names(uploads.list(reader, id))).as(reader).containsExactly("说明.pdf");
            assertThat(uploads.download(reader, id, file).status()).as(reader).isEqualTo(200);
            // Refused before the body is read, whatever it holds (here: a program).
            assertThat(uploads.upload(reader, id, "其他", "x.pdf", SampleFiles.exe()).status()).as(reader).isEqualTo(403);
            assertThat(uploads.remove(reader, id, file).status()).as(reader).isEqualTo(403);
        }
        assertThat(uploads.download("filer1", id, file + 100000).status()).isEqualTo(404);
        assertThat(uploads.list("filer1", id, 99).status()).isEqualTo(404);
        assertThat(names(uploads.list("filer1", id))).containsExactly("说明.pdf");
    }

    @Test
    void everyUploadAndRemovalIsOneEventOfTheDeclarationsIntactChain() throws Exception {
        long id = Fixtures.validDraft(api, "filer1");
        int before = audit.historyOf(id).size();
        long file = upload("filer1", id, "测算依据", "测算依据.pdf");
        assertThat(uploads.remove("filer1", id, file).status()).isEqualTo(204);

        var events = audit.historyOf(id);
        assertThat(events).hasSize(before + 2);
        AuditRecord added = events.get(before);
        AuditRecord removed = events.get(before + 1);
        assertThat(added.action()).isEqualTo("ATTACHMENT_ADDED");
        assertThat(added.actionLabel()).isEqualTo("上传附件");
        assertThat(added.actor()).isEqualTo("filer1");
        assertThat(added.details()).contains("测算依据.pdf").contains(AttachmentsApiTest.sha256(SampleFiles.pdf()));
        assertThat(removed.action()).isEqualTo("ATTACHMENT_REMOVED");
        assertThat(removed.details()).contains("测算依据.pdf");
        assertThat(verifier.verify().broken()).noneMatch(b -> b.declaration() == id);
        // Added and removed in the same draft: listed nowhere, gone.
        assertThat(uploads.download("filer1", id, file).status()).isEqualTo(404);
    }

    @Test
    void aRequiredKindWithNoFileIsAValidationErrorThatBlocksSubmission() {
        var created = api.as("filer1").post("/api/declarations", Map.of("formKey", "attachment-test", "year", 2020));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        var document = Fixtures.validDocument();
        document.with("header").put("department", created.body().at("/document/header/department").asText());
        assertThat(api.as("filer1").put(Flows.path(id, "document"), document, "\"1\"").status()).isEqualTo(200);

        JsonNode report = api.as("filer1").post(Flows.path(id, "validation")).body();
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("errors")).singleElement().satisfies(e -> {
            assertThat(e.path("rule").asText()).isEqualTo("attachment.required-kind");
            assertThat(e.path("message").asText()).contains("测算依据");
        });
        var refused = api.as("filer1").post(Flows.path(id, "submission"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors")).extracting(e -> e.path("rule").asText())
                .containsExactly("attachment.required-kind");

        upload("filer1", id, "其他", "其他.pdf");
        assertThat(api.as("filer1").post(Flows.path(id, "submission")).status()).isEqualTo(422);
        upload("filer1", id, "测算依据", "测算依据.pdf");
        var submitted = api.as("filer1").post(Flows.path(id, "submission"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    }
}
