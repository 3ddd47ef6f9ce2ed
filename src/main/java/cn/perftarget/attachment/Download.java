package cn.perftarget.attachment;

/** One file as it is downloaded: its name, the type its bytes were recognised as, the bytes and their SHA-256. */
public record Download(String name, String contentType, byte[] content, String sha256) {
}
