package cn.perftarget.files;

/** A representation of a declaration's current revision, ready to send. */
public record FileContent(byte[] bytes, String fileName, int revision) {
}
