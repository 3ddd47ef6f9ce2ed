package cn.perftarget.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Tells a file's type from its bytes, never from its name or the client's Content-Type, so that a renamed program is
 * not kept as a PDF. Tika's magic numbers tell PDF, JPEG and PNG apart from the rest; the two container families
 * need a look inside: a zip is an xlsx, a docx or an OFD by the entries its central directory names (read without
 * inflating anything, so a zip bomb costs nothing), and an OLE2 file is an xls or a doc by its streams.
 */
@Component
class FileTypes {

    /** An allowed type: what it is called in messages and the media type a download is served as. */
    record FileType(String label, String mediaType) {
    }

    static final FileType PDF = new FileType("PDF", "application/pdf");
    static final FileType JPEG = new FileType("JPG 图片", "image/jpeg");
    static final FileType PNG = new FileType("PNG 图片", "image/png");
    static final FileType XLSX = new FileType("Excel（xlsx）",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final FileType DOCX = new FileType("Word（docx）",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final FileType XLS = new FileType("Excel（xls）", "application/vnd.ms-excel");
    static final FileType DOC = new FileType("Word（doc）", "application/msword");
    static final FileType OFD = new FileType("OFD", "application/ofd");

    /** What the refusal tells the filer is allowed. */
    static final String ALLOWED = "PDF、Excel（xlsx/xls）、Word（docx/doc）、JPG/PNG 图片、OFD";

    private static final List<FileType> BY_MAGIC = List.of(PDF, JPEG, PNG);

    private final Tika tika = new Tika();

    /** The allowed type these bytes are, or empty when they are none of them (or unreadable as what they claim). */
    Optional<FileType> detect(byte[] bytes) {
        String detected = tika.detect(bytes);
        for (FileType type : BY_MAGIC) {
            if (type.mediaType().equals(detected)) {
                return Optional.of(type);
            }
        }
        if (detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")) {
            return insideZip(bytes);
        }
        if (detected.equals("application/x-tika-msoffice")) {
            return insideOle2(bytes);
        }
        return Optional.empty();
    }

    private static Optional<FileType> insideZip(byte[] bytes) {
        Set<String> names = new HashSet<>();
        try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            zip.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (names.contains("OFD.xml")) {
            return Optional.of(OFD);
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            if (names.contains("word/document.xml")) {
                return Optional.of(DOCX);
            }
        }
        return Optional.empty();
    }

    private static Optional<FileType> insideOle2(byte[] bytes) {
        try (var ole = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            var root = ole.getRoot();
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(XLS);
            }
            if (root.hasEntry("WordDocument")) {
                return Optional.of(DOC);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
