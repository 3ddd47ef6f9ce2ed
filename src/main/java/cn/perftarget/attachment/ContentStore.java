package cn.perftarget.attachment;

/** Where the bytes of attachments are kept: the database (default) or a directory ({@code perftarget.attachments.directory}). */
interface ContentStore {

    void put(long attachmentId, String sha256, byte[] bytes);

    byte[] get(long attachmentId, String sha256);

    /** The attachment is gone; its bytes may go too, unless another attachment has the same. */
    void drop(long attachmentId, String sha256);
}
