package cn.perftarget.attachment;

import java.util.Locale;

/** A byte count as people read it in messages and lists: 850 字节, 12.5 KB, 20 MB. */
public final class Sizes {

    private Sizes() {
    }

    public static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        if (bytes < 1024 * 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return trim(bytes / (1024.0 * 1024)) + " MB";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
