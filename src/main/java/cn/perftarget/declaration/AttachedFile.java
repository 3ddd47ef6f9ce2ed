package cn.perftarget.declaration;

/**
 * A file kept with a declaration (附件), as callers see it.
 *
 * @param id          its id under {@code /api/declarations/{id}/attachments}
 * @param name        the file name as uploaded (without a path)
 * @param kind        its kind, one of the template's 附件类别
 * @param size        bytes
 * @param contentType the type its bytes were recognised as (never the name's or the client's claim)
 * @param sha256      SHA-256 of the bytes, lower-case hex
 * @param revision    the revision it was added in; it stays listed in every later revision until removed
 */
public record AttachedFile(long id, String name, String kind, long size, String contentType, String sha256,
                           int revision) {
}
