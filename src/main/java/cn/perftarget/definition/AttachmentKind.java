package cn.perftarget.definition;

/**
 * A kind of file a template's declarations carry (附件类别), as its definition's {@code attachments} list names it.
 *
 * @param name     the kind as filers see and choose it, e.g. 测算依据
 * @param required whether a declaration must carry at least one file of this kind to be submitted
 */
public record AttachmentKind(String name, boolean required) {
}
