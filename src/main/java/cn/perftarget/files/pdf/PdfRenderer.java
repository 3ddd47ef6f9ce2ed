package cn.perftarget.files.pdf;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import cn.perftarget.files.FilesProperties;

/** XHTML to PDF with openhtmltopdf, set in the configured CJK font (the CSS family {@value #FAMILY}). */
@Component
public class PdfRenderer {

    public static final String FAMILY = "cjk";

    private final FilesProperties.Pdf settings;
    /** The collection member, parsed once (parsing a CJK collection takes about a second); guarded by {@code this}. */
    private TrueTypeCollection collection;
    private TrueTypeFont member;

    PdfRenderer(FilesProperties properties) {
        this.settings = properties.pdf();
    }

    /** Renders one page set; serialized, because the parsed collection font is not safe to share across threads. */
    public synchronized byte[] render(String xhtml) {
        File font = new File(settings.fontPath());
        if (!font.isFile()) {
            throw new IllegalStateException("PDF 字体文件不存在：" + font + "（perftarget.files.pdf.font-path）");
        }
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFastMode();
            if (font.getName().toLowerCase().endsWith(".ttc")) {
                // a collection: openhtmltopdf takes single fonts only, so load the chosen member ourselves
                builder.useFont(new PDFontSupplier(PDType0Font.load(document, member(font), true)), FAMILY);
                builder.withHtmlContent(xhtml, null).toStream(out).run();
            } else {
                builder.useFont(font, FAMILY);
                builder.withHtmlContent(xhtml, null).toStream(out).run();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败", e);
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() throws IOException {
        if (collection != null) {
            collection.close();
        }
    }

    private TrueTypeFont member(File font) throws IOException {
        if (member != null) {
            return member;
        }
        collection = new TrueTypeCollection(font);
        List<TrueTypeFont> fonts = new ArrayList<>();
        collection.processAllFonts(fonts::add);
        if (fonts.isEmpty()) {
            throw new IllegalStateException("字体集合 " + settings.fontPath() + " 中没有字体");
        }
        for (TrueTypeFont candidate : fonts) {
            if (settings.fontName() != null && settings.fontName().equals(candidate.getName())) {
                member = candidate;
                return member;
            }
        }
        member = fonts.get(0);
        return member;
    }
}
