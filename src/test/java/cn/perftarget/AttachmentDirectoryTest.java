package cn.perftarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.attachment.AttachmentStore;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.web.SampleFiles;

/**
 * With {@code perftarget.attachments.directory} the bytes live in that directory, one file per SHA-256, not in the
 * database; the same bytes are kept once, a file goes when its last attachment does, and a damaged file is an error.
 */
class AttachmentDirectoryTest {

    private static final Actor FILER = new Actor("filer1", "张春红", Role.FILER, "HP-BDC");

    @TempDir
    Path dir;

    @Test
    void theBytesLiveInTheDirectoryOncePerHash() throws Exception {
        Path files = dir.resolve("files");
        byte[] pdf = SampleFiles.pdf(5000);
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(List.of(
                "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "perftarget.audit.anchor.file=" + dir.resolve("audit-anchor.json"),
                "perftarget.attachments.directory=" + files, "server.port=0",
                "camunda.bpm.process-engine-name=attachment-directory-test", "camunda.bpm.webapp.enabled=false",
                "camunda.bpm.job-execution.enabled=false", "spring.profiles.active=demo")
                .stream().map(p -> "--" + p).toArray(String[]::new))) {
            var store = app.getBean(AttachmentStore.class);
            long id = app.getBean(DeclarationFiling.class).create(FILER, "dept-overall", 2020).id();
            var first = store.upload(FILER, id, "测算依据", "测算依据.pdf", pdf);
            var second = store.upload(FILER, id, "其他", "副本.pdf", pdf);
            Path file = files.resolve(first.sha256().substring(0, 2)).resolve(first.sha256());

            assertThat(file).exists().hasBinaryContent(pdf);
            try (var listed = Files.walk(files)) {
                assertThat(listed.filter(Files::isRegularFile).count()).isOne();
            }
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from declaration_attachment_content", Long.class)).isZero();
            assertThat(store.download(FILER, id, second.id()).content()).isEqualTo(pdf);

            store.remove(FILER, id, first.id());
            assertThat(file).as("still the bytes of 副本.pdf").exists();
            Files.write(file, SampleFiles.pdf(5001));
            assertThatThrownBy(() -> store.download(FILER, id, second.id())).hasMessageContaining("已损坏");
            store.remove(FILER, id, second.id());
            assertThat(file).doesNotExist();
        }
    }
}
