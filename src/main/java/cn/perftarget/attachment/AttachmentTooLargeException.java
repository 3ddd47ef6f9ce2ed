package cn.perftarget.attachment;

/** A file over the size limit, or one that would take a declaration's files over theirs: 413, naming the file. */
public class AttachmentTooLargeException extends RuntimeException {

    private final String fileName;

    AttachmentTooLargeException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
