package cn.perftarget.definition;

import static cn.perftarget.definition.DefinitionFiles.location;
import static cn.perftarget.definition.DefinitionFiles.minimal;
import static cn.perftarget.definition.DefinitionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 附件类别 a template names in its {@code attachments} list, and the default when it names none. */
class AttachmentKindsDefinitionTest {

    @TempDir
    Path dir;

    private final FormDefinitionLoader loader = new FormDefinitionLoader();

    private FormDefinition load(String attachments) {
        String content = attachments == null ? minimal("a", 1)
                : minimal("a", 1).replace("\"title\": \"测试表\",", "\"title\": \"测试表\", \"attachments\": " + attachments + ",");
        write(dir, "a-v1.json", content);
        return loader.load(location(dir)).values().iterator().next();
    }

    @Test
    void aTemplateWithoutTheListTakesAnyFileAsOther() {
        assertThat(load(null).attachmentKinds()).containsExactly(new AttachmentKind("其他", false));
    }

    @Test
    void theListGivesKindsInItsOrderWithTheirRequiredFlag() {
        assertThat(load("[{\"kind\": \"测算依据\", \"required\": true}, {\"kind\": \"其他\"}]").attachmentKinds())
                .containsExactly(new AttachmentKind("测算依据", true), new AttachmentKind("其他", false));
    }

    @Test
    void theShippedTemplatesNameTheirKinds() {
        var kinds = new java.util.HashMap<String, java.util.List<AttachmentKind>>();
        loader.load("classpath*:forms/*.json").values().forEach(d -> kinds.put(d.key(), d.attachmentKinds()));
        assertThat(kinds.get("dept-overall")).extracting(AttachmentKind::name).containsExactly("测算依据", "其他");
        assertThat(kinds.get("project-expenditure")).extracting(AttachmentKind::name).containsExactly("立项依据", "测算依据", "其他");
        assertThat(kinds.get("attachment-test")).contains(new AttachmentKind("测算依据", true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\": \"其他\"}|/attachments",
            "[{\"kind\": \"其他\"}, {\"kind\": \"其他\"}]|/attachments/1/kind",
            "[{\"kind\": \" \"}]|/attachments/0/kind",
            "[{\"kind\": \"其他\", \"required\": \"yes\"}]|/attachments/0/required",
            "[{\"kind\": \"其他\", \"mandatory\": true}]|/attachments/0/mandatory"})
    void aMalformedListIsRefusedNamingThePlace(String attachments, String place) {
        assertThatThrownBy(() -> load(attachments)).hasMessageContaining(place);
    }
}
