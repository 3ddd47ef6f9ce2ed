package cn.perftarget.files.xlsx;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes styled, possibly merged cells into the official sheet, with the template's named styles. */
final class Grid {

    private static final float LINE_POINTS = 14f;

    final Sheet sheet;
    private final Map<String, CellStyle> styles = new HashMap<>();

    Grid(XSSFWorkbook book, Sheet sheet) {
        this.sheet = sheet;
        var samples = book.getSheet(Layout.LAYOUT_SHEET).getRow(0);
        for (Cell cell : samples) {
            if (cell.getColumnIndex() >= 5) {
                styles.put(cell.getStringCellValue(), cell.getCellStyle());
            }
        }
    }

    CellStyle style(String name) {
        return styles.get(name);
    }

    Row row(int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    Cell cell(int row, int column) {
        Row r = row(row);
        Cell cell = r.getCell(column);
        return cell == null ? r.createCell(column) : cell;
    }

    /** Text into the top-left cell of rows r1..r2 × columns c1..c2, every cell styled, merged when larger than one. */
    Cell put(int r1, int c1, int r2, int c2, String style, String text) {
        CellStyle cellStyle = styles.get(style);
        for (int r = r1; r <= r2; r++) {
            for (int c = c1; c <= c2; c++) {
                cell(r, c).setCellStyle(cellStyle);
            }
        }
        Cell first = cell(r1, c1);
        if (text != null) {
            first.setCellValue(text);
        }
        if (r2 > r1 || c2 > c1) {
            // the regions we add never overlap, so POI's quadratic overlap check is not needed
            sheet.addMergedRegionUnsafe(new CellRangeAddress(r1, r2, c1, c2));
        }
        return first;
    }

    /** Makes a row tall enough for wrapped text of this length in columns c1..c2. */
    void fit(int row, int c1, int c2, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double width = 0;
        for (int c = c1; c <= c2; c++) {
            width += sheet.getColumnWidth(c) / 256.0;
        }
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            double units = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                units += paragraph.charAt(i) < 0x2E80 ? 1.1 : 2.1;
            }
            lines += Math.max(1, (int) Math.ceil(units / Math.max(1, width - 1)));
        }
        Row r = row(row);
        float points = Math.max(20f, lines * LINE_POINTS + 6f);
        if (points > r.getHeightInPoints()) {
            r.setHeightInPoints(points);
        }
    }
}
