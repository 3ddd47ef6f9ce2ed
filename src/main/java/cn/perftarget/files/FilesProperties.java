package cn.perftarget.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Excel, print and PDF settings.
 *
 * @param pdf   the CJK font the PDF is set in
 * @param batch limits of one batch import upload
 * @param warmUp whether to lay out and render each template once in the background after start, so that the first
 *               print view and PDF are not cold (default on)
 */
@ConfigurationProperties(prefix = "perftarget.files")
public record FilesProperties(Pdf pdf, Batch batch, Boolean warmUp) {

    /** Debian's fonts-wqy-zenhei, which CI installs. */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    public FilesProperties {
        pdf = pdf == null ? new Pdf(null, null) : pdf;
        batch = batch == null ? new Batch(0, 0) : batch;
        warmUp = warmUp == null || warmUp;
    }

    /**
     * @param fontPath a .ttf, .otf or .ttc file; of a collection (.ttc) the font named {@code fontName} is used,
     *                 or its first font
     */
    public record Pdf(String fontPath, String fontName) {

        public Pdf {
            fontPath = fontPath == null || fontPath.isBlank() ? DEFAULT_FONT : fontPath;
        }
    }

    /**
     * @param maxRequestBytes the largest batch upload (all files together); 413 above it
     * @param maxFiles        the most files in one upload
     */
    public record Batch(long maxRequestBytes, int maxFiles) {

        public Batch {
            maxRequestBytes = maxRequestBytes <= 0 ? 100L * 1024 * 1024 : maxRequestBytes;
            maxFiles = maxFiles <= 0 ? 500 : maxFiles;
        }
    }
}
