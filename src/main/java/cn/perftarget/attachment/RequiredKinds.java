package cn.perftarget.attachment;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.AttachedFile;
import cn.perftarget.declaration.RevisionFiles;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.validation.Finding;

/** The declaration module's view of the files: each revision's list, and the kinds a template requires. */
@Component
class RequiredKinds implements RevisionFiles {

    static final String RULE = "attachment.required-kind";

    private final Attachments attachments;

    RequiredKinds(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttachedFile> listed(long declarationId, int revision) {
        return attachments.listedIn(declarationId, revision).stream().map(Attachment::view).toList();
    }

    /** One error per required kind with no file in the revision; its path is the document's root (no field). */
    @Override
    @Transactional(readOnly = true)
    public List<Finding> findings(FormDefinition definition, long declarationId, int revision) {
        var kinds = attachments.listedIn(declarationId, revision).stream().map(Attachment::kind).toList();
        return definition.attachmentKinds().stream()
                .filter(k -> k.required() && !kinds.contains(k.name()))
                .map(k -> new Finding("", RULE, "缺少必传附件“" + k.name() + "”：请在“附件”中上传至少一个“" + k.name()
                        + "”类别的文件", "模板要求", null))
                .toList();
    }
}
