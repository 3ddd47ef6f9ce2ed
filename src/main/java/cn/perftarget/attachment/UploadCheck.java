package cn.perftarget.attachment;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.definition.AttachmentKind;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.validation.Finding;

/**
 * What an upload must be before anything is stored: a kind the template names, a file with a name and some bytes,
 * within the size limit, of an allowed type by its bytes. Each refusal names the field ({@code kind}, {@code file})
 * and, for a file, the file.
 */
@Component
class UploadCheck {

    private final FormDefinitions forms;
    private final FileTypes types;
    private final AttachmentsProperties limits;

    UploadCheck(FormDefinitions forms, FileTypes types, AttachmentsProperties limits) {
        this.forms = forms;
        this.types = types;
        this.limits = limits;
    }

    /** The kinds a declaration of this template version carries. */
    List<AttachmentKind> kinds(String formKey, int formVersion) {
        return forms.find(formKey, formVersion).orElseThrow().attachmentKinds();
    }

    String kind(String formKey, int formVersion, String kind) {
        var kinds = kinds(formKey, formVersion);
        String wanted = kind == null ? "" : kind.strip();
        if (kinds.stream().noneMatch(k -> k.name().equals(wanted))) {
            var names = kinds.stream().map(AttachmentKind::name).toList();
            throw refused("kind", "request.attachment-kind", wanted.isEmpty() ? "请选择附件类别（" + String.join("、", names) + "）"
                    : "附件类别“" + wanted + "”无效：应为" + String.join("、", names) + "之一");
        }
        return wanted;
    }

    /** The name to keep: without a path (some browsers send C:\fakepath\…), control characters or excess length. */
    static String name(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw refused("file", "request.attachment-name", "上传的文件没有文件名");
        }
        return name.length() > 200 ? name.substring(0, 100) + "…" + name.substring(name.length() - 99) : name;
    }

    FileTypes.FileType type(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw refused("file", "request.attachment-empty", "文件“" + name + "”是空文件（0 字节），未保存");
        }
        long max = limits.maxFileSize().toBytes();
        if (bytes.length > max) {
            throw new AttachmentTooLargeException(name, "文件“" + name + "”大小为 " + Sizes.of(bytes.length)
                    + "，超过单个附件上限 " + Sizes.of(max) + "，未保存");
        }
        return types.detect(bytes).orElseThrow(() -> refused("file", "request.attachment-type",
                "文件“" + name + "”的内容不是允许的类型（按文件内容识别，与扩展名无关）：只接受 " + FileTypes.ALLOWED + "，未保存"));
    }

    /** The files listed in the current revision and this one together must stay within the total limit. */
    void total(String name, long listed, long adding) {
        long max = limits.maxTotalSize().toBytes();
        if (listed + adding > max) {
            throw new AttachmentTooLargeException(name, "加上文件“" + name + "”（" + Sizes.of(adding) + "），本申报表的附件共 "
                    + Sizes.of(listed + adding) + "，超过每份申报表附件总量上限 " + Sizes.of(max) + "，未保存");
        }
    }

    private static InvalidRequestException refused(String field, String rule, String message) {
        return new InvalidRequestException(message, List.of(new Finding(field, rule, message)));
    }
}
