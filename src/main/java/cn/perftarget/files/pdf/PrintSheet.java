package cn.perftarget.files.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The exported official sheet as an HTML table: same rows, merged cells as row and column spans, the cell
 * styles as CSS. So the print view, the PDF and the xlsx cannot drift apart.
 */
public record PrintSheet(List<Double> columnWidths, List<PrintRow> rows) {

    public record PrintRow(float height, List<PrintCell> cells) {
    }

    /** @param border whether the cell is inside the ruled table */
    public record PrintCell(String text, int colspan, int rowspan, boolean border, String style) {
    }

    public static PrintSheet of(Sheet sheet, int columns) {
        double total = 0;
        var widths = new ArrayList<Double>();
        for (int c = 0; c < columns; c++) {
            total += sheet.getColumnWidth(c);
        }
        for (int c = 0; c < columns; c++) {
            widths.add(Math.round(sheet.getColumnWidth(c) * 1000.0 / total) / 10.0);
        }
        Map<Long, CellRangeAddress> regions = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    regions.put(((long) r << 16) | c, region);
                }
            }
        }
        var formatter = new DataFormatter();
        var rows = new ArrayList<PrintRow>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            var cells = new ArrayList<PrintCell>();
            for (int c = 0; c < columns; c++) {
                CellRangeAddress region = regions.get(((long) r << 16) | c);
                if (region != null && (region.getFirstRow() != r || region.getFirstColumn() != c)) {
                    continue;
                }
                Cell cell = row == null ? null : row.getCell(c);
                int colspan = region == null ? 1 : region.getLastColumn() - region.getFirstColumn() + 1;
                int rowspan = region == null ? 1 : region.getLastRow() - region.getFirstRow() + 1;
                cells.add(cell(cell, formatter, colspan, rowspan));
            }
            rows.add(new PrintRow(row == null ? 15f : row.getHeightInPoints(), List.copyOf(cells)));
        }
        return new PrintSheet(List.copyOf(widths), List.copyOf(rows));
    }

    private static PrintCell cell(Cell cell, DataFormatter formatter, int colspan, int rowspan) {
        if (cell == null) {
            return new PrintCell("", colspan, rowspan, false, "");
        }
        var style = (XSSFCellStyle) cell.getCellStyle();
        var css = new StringBuilder();
        HorizontalAlignment align = style.getAlignment();
        css.append("text-align:").append(switch (align) {
            case CENTER, CENTER_SELECTION -> "center";
            case RIGHT -> "right";
            default -> "left";
        }).append(';');
        var font = style.getFont();
        if (font.getBold()) {
            css.append("font-weight:bold;");
        }
        if (font.getFontHeightInPoints() != 10) {
            css.append("font-size:").append(font.getFontHeightInPoints()).append("pt;");
        }
        return new PrintCell(formatter.formatCellValue(cell), colspan, rowspan,
                style.getBorderTop() != BorderStyle.NONE, css.toString());
    }
}
