package cn.perftarget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.ApplicationTest;
import cn.perftarget.Fixtures;
import cn.perftarget.files.Http;

/**
 * 附件 over real HTTP: what is kept is byte for byte what was sent, with its SHA-256; what is refused (by content, by
 * size, by kind) is named and changes nothing. The test context limits a file to 64 KB and a declaration to 160 KB.
 */
@ApplicationTest
class AttachmentsApiTest {

    @LocalServerPort
    int port;
    Http http;
    Uploads uploads;

    @BeforeEach
    void client() {
        http = new Http(port);
        uploads = new Uploads(http);
    }

    private long draft() {
        int year = Http.freshYear();
        return http.draft("filer1", "dept-overall", year, Fixtures.validDocument(year));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static JsonNode problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json();
    }

    @Test
    void anUploadComesBackByteForByteWithItsHashAndItsChineseName() throws Exception {
        long id = draft();
        byte[] pdf = SampleFiles.pdf(2000);

        var created = uploads.upload("filer1", id, "测算依据", "2026年测算依据（终稿）.pdf", pdf);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var file = created.json();
        assertThat(file.path("name").asText()).isEqualTo("2026年测算依据（终稿）.pdf");
        assertThat(file.path("kind").asText()).isEqualTo("测算依据");
        assertThat(file.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(file.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(file.path("revision").asInt()).isEqualTo(2);
        assertThat(created.header("Location")).isEqualTo(Uploads.path(id) + "/" + file.path("id").asLong());

        var listed = uploads.list("filer1", id).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(file);

        var got = uploads.download("filer1", id, file.path("id").asLong());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(pdf);
        assertThat(sha256(got.body())).isEqualTo(got.header("X-Content-SHA256")).isEqualTo(sha256(pdf));
        assertThat(got.header("Content-Type")).startsWith("application/pdf");
        assertThat(got.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''2026%E5%B9%B4%E6%B5%8B%E7%AE%97%E4%BE%9D%E6%8D%AE%EF%BC%88%E7%BB%88%E7%A8%BF%EF%BC%89.pdf");
    }

    @ParameterizedTest
    @CsvSource({"xlsx,测算表.xlsx", "xls,测算表.xls", "docx,立项依据.docx", "png,现场照片.png", "jpeg,现场照片.jpg",
            "ofd,批复文件.ofd"})
    void everyAllowedTypeIsToldByItsBytesWhateverTheClientClaims(String type, String name) {
        long id = draft();
        byte[] bytes = switch (type) {
            case "xlsx" -> SampleFiles.xlsx();
            case "xls" -> SampleFiles.xls();
            case "docx" -> SampleFiles.docx();
            case "png" -> SampleFiles.png();
            case "jpeg" -> SampleFiles.jpeg();
            default -> SampleFiles.ofd();
        };
        var created = uploads.upload("filer1", id, "其他", name, bytes);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("contentType").asText()).isEqualTo(switch (type) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "xls" -> "application/vnd.ms-excel";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "png" -> "image/png";
            case "jpeg" -> "image/jpeg";
            default -> "application/ofd";
        });
    }

    @Test
    void aRenamedProgramOrAPlainZipIsRefusedByItsContentNamingTheFileAndNothingIsKept() {
        long id = draft();

        var exe = problem(uploads.upload("filer1", id, "测算依据", "测算依据.pdf", SampleFiles.exe()), 400);
        var zip = problem(uploads.upload("filer1", id, "其他", "资料.ofd", SampleFiles.zip("readme.txt", "不是 OFD")), 400);

        assertThat(exe.path("detail").asText()).contains("测算依据.pdf").contains("不是允许的类型");
        assertThat(Flows.errorPaths(exe)).containsExactly("file");
        assertThat(zip.path("detail").asText()).contains("资料.ofd");
        assertThat(uploads.list("filer1", id).json()).isEmpty();
        assertThat(http.get("filer1", "/api/declarations/" + id, "application/json").json().path("revision").asInt())
                .isEqualTo(2);
    }

    @Test
    void anUnknownOrMissingKindAndAMissingFileAreRefusedNamingThePart() {
        long id = draft();

        var unknown = problem(uploads.upload("filer1", id, "会议纪要", "a.pdf", SampleFiles.pdf()), 400);
        var noKind = problem(uploads.upload("filer1", id, null, "a.pdf", SampleFiles.pdf()), 400);
        var noFile = problem(uploads.upload("filer1", id, "其他", null, null), 400);
        var empty = problem(uploads.upload("filer1", id, "其他", "空.pdf", new byte[0]), 400);

        assertThat(Flows.errorPaths(unknown)).containsExactly("kind");
        assertThat(unknown.path("detail").asText()).contains("会议纪要").contains("测算依据");
        assertThat(Flows.errorPaths(noKind)).containsExactly("kind");
        assertThat(Flows.errorPaths(noFile)).containsExactly("file");
        assertThat(empty.path("detail").asText()).contains("空.pdf");
        assertThat(uploads.list("filer1", id).json()).isEmpty();
    }

    @Test
    void aFileOverTheLimitOrOneTakingTheDeclarationOverItsTotalIs413NamingIt() {
        long id = draft();

        var big = problem(uploads.upload("filer1", id, "其他", "大文件.pdf", SampleFiles.pdf(100 * 1024)), 413);
        assertThat(big.path("detail").asText()).contains("大文件.pdf").contains("64 KB");

        for (int i = 1; i <= 2; i++) {
            var ok = uploads.upload("filer1", id, "其他", "第" + i + "份.pdf", SampleFiles.pdf(60 * 1024));
            assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        }
        var third = problem(uploads.upload("filer1", id, "其他", "第3份.pdf", SampleFiles.pdf(60 * 1024)), 413);
        assertThat(third.path("detail").asText()).contains("第3份.pdf").contains("160 KB");
        assertThat(uploads.list("filer1", id).json()).hasSize(2);

        // A body far over the limit is refused before it is read.
        var huge = problem(uploads.upload("filer1", id, "其他", "巨大.pdf", SampleFiles.pdf(400 * 1024)), 413);
        assertThat(huge.path("detail").asText()).contains("64 KB");
    }

    @Test
    void aMalformedMultipartBodyIs400() {
        long id = draft();
        var response = http.send("filer1", "POST", Uploads.path(id), "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n其他".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(uploads.list("filer1", id).json()).isEmpty();
    }
}
