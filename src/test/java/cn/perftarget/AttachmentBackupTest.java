package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.perftarget.attachment.AttachmentStore;
import cn.perftarget.audit.AuditVerifier;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.storage.OnlineBackup;
import cn.perftarget.web.SampleFiles;

/**
 * The online H2 backup ({@code POST /api/admin/backup}) holds the attachments: restored into a fresh directory, the
 * application serves the same bytes with the same SHA-256, in the same revision, on an intact audit chain.
 */
class AttachmentBackupTest {

    private static final Actor FILER = new Actor("filer1", "张春红", Role.FILER, "HP-BDC");

    @TempDir
    Path dir;

    @Test
    void aBackupRestoredElsewhereServesTheSameFiles() throws Exception {
        byte[] pdf = SampleFiles.pdf(50 * 1024);
        long id;
        String sha256;
        OnlineBackup.Backup backup;
        try (var app = start(dir.resolve("live"))) {
            id = app.getBean(DeclarationFiling.class).create(FILER, "dept-overall", 2020).id();
            sha256 = app.getBean(AttachmentStore.class).upload(FILER, id, "测算依据", "测算依据.pdf", pdf).sha256();
            backup = app.getBean(OnlineBackup.class).backup().orElseThrow();
        }

        Path restored = dir.resolve("restored");
        Restore.execute(backup.database(), restored.toString(), "db");
        for (String file : backup.files()) {
            java.nio.file.Files.copy(Path.of(file), restored.resolve(Path.of(file).getFileName()));
        }
        try (var app = start(restored)) {
            var files = app.getBean(AttachmentStore.class).list(FILER, id, null);
            assertThat(files).singleElement().satisfies(f -> {
                assertThat(f.name()).isEqualTo("测算依据.pdf");
                assertThat(f.sha256()).isEqualTo(sha256);
                assertThat(f.revision()).isEqualTo(1);
            });
            var download = app.getBean(AttachmentStore.class).download(FILER, id, files.get(0).id());
            assertThat(download.content()).isEqualTo(pdf);
            assertThat(app.getBean(AuditVerifier.class).verify().intact()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        var properties = new ArrayList<>(List.of(
                "spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
                "perftarget.audit.anchor.file=" + data.resolve("audit-anchor.json"),
                "perftarget.storage.backup.directory=" + data.resolve("backups"),
                "server.port=0",
                // A name of its own, so closing this engine leaves the shared test context's engine registered.
                "camunda.bpm.process-engine-name=attachment-backup-test",
                "camunda.bpm.webapp.enabled=false",
                "camunda.bpm.job-execution.enabled=false",
                "spring.profiles.active=demo"));
        return new SpringApplicationBuilder(PerfTargetApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
