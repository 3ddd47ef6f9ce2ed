package cn.perftarget.attachment;

/** The bytes in the database, one row per attachment: backed up, restored and shared by nodes with everything else. */
class DatabaseContents implements ContentStore {

    private final AttachmentContents contents;

    DatabaseContents(AttachmentContents contents) {
        this.contents = contents;
    }

    @Override
    public void put(long attachmentId, String sha256, byte[] bytes) {
        contents.save(new AttachmentContent(attachmentId, bytes));
    }

    @Override
    public byte[] get(long attachmentId, String sha256) {
        return contents.findById(attachmentId).map(AttachmentContent::content)
                .orElseThrow(() -> new IllegalStateException("附件 " + attachmentId + " 的内容不在数据库中"));
    }

    @Override
    public void drop(long attachmentId, String sha256) {
        contents.deleteById(attachmentId);
    }
}
