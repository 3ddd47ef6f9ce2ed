package cn.perftarget.declaration;

/** The caller's If-Match names a revision that is no longer current (412). */
public class RevisionMismatchException extends RuntimeException {

    private final int currentRevision;

    public RevisionMismatchException(int currentRevision, String ifMatch) {
        super("申报表已被修改：If-Match 为 " + ifMatch + "，当前修订号为 \"" + currentRevision + "\"，请重新获取后再保存");
        this.currentRevision = currentRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
