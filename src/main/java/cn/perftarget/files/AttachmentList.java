package cn.perftarget.files;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.perftarget.attachment.Sizes;
import cn.perftarget.declaration.AttachedFile;

/**
 * The files of the revision as the printed form and the workbook list them (name, kind, size, the start of the
 * SHA-256): enough for a reader of the paper copy to tell which file was meant and check it against a download.
 */
final class AttachmentList {

    static final String SHEET = "附件清单";
    /** As many hex digits of the hash as a person compares by eye; the download gives the whole. */
    static final int HASH_PREFIX = 16;

    private AttachmentList() {
    }

    static List<PrintView.Attachment> printed(List<AttachedFile> files) {
        return files.stream().map(f -> new PrintView.Attachment(f.name(), f.kind(), Sizes.of(f.size()),
                f.sha256().substring(0, HASH_PREFIX))).toList();
    }

    /** A sheet of its own after the official one (which stays as the layout has it), only when there are files. */
    static void addSheet(XSSFWorkbook book, List<AttachedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        var sheet = book.createSheet(SHEET);
        CellStyle bold = book.createCellStyle();
        var font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        var header = sheet.createRow(0);
        String[] titles = {"序号", "文件名", "类别", "大小", "SHA-256（前 " + HASH_PREFIX + " 位）", "大小（字节）"};
        for (int c = 0; c < titles.length; c++) {
            header.createCell(c).setCellValue(titles[c]);
            header.getCell(c).setCellStyle(bold);
        }
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            var row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(i + 1);
            row.createCell(1).setCellValue(f.name());
            row.createCell(2).setCellValue(f.kind());
            row.createCell(3).setCellValue(Sizes.of(f.size()));
            row.createCell(4).setCellValue(f.sha256().substring(0, HASH_PREFIX));
            row.createCell(5).setCellValue(f.size());
        }
        int[] widths = {6, 40, 14, 12, 22, 14};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }
}
