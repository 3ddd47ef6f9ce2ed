package cn.perftarget.declaration;

/** The caller's If-Match names a revision that is no longer current, or names it only weakly (412). */
public class RevisionMismatchException extends RuntimeException {

    private final int currentRevision;

    public RevisionMismatchException(int currentRevision, String ifMatch) {
        this("申报表已被修改：If-Match 为 " + ifMatch + "，当前修订号为 \"" + currentRevision + "\"，请重新获取后再保存",
                currentRevision);
    }

    private RevisionMismatchException(String message, int currentRevision) {
        super(message);
        this.currentRevision = currentRevision;
    }

    static RevisionMismatchException weak(int currentRevision, String ifMatch) {
        return new RevisionMismatchException("If-Match 只给出了弱实体标签 " + ifMatch
                + "（以 W/ 开头）：保存申报表需要强实体标签，即 GET 返回的 ETag，如 \"" + currentRevision + "\"",
                currentRevision);
    }

    public int currentRevision() {
        return currentRevision;
    }
}
