package cn.perftarget.files.xlsx;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/** The cells of an uploaded sheet; a cell inside a merged region reads as the region's top-left cell. */
final class Cells {

    private final Sheet sheet;
    private final Map<Long, CellRangeAddress> regions = new HashMap<>();

    Cells(Sheet sheet) {
        this.sheet = sheet;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    regions.put(key(r, c), region);
                }
            }
        }
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    /** The cell itself, whether or not it is the first of a merged region. */
    Cell own(int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** The cell whose value shows at this place: the first cell of its merged region, if any. */
    Cell at(int row, int column) {
        CellRangeAddress region = regions.get(key(row, column));
        return region == null ? own(row, column) : own(region.getFirstRow(), region.getFirstColumn());
    }

    boolean merged(int row, int column) {
        return regions.containsKey(key(row, column));
    }

    /** What the clerk sees in the cell, cleaned, never null. */
    String text(int row, int column) {
        String text = CellValues.asText(CellValues.raw(at(row, column)));
        return text == null ? "" : text;
    }

    /** The cell's text with all white space removed, for matching labels. */
    String label(int row, int column) {
        String text = CellValues.asText(CellValues.raw(own(row, column)));
        return text == null ? "" : text.replaceAll("[\\s\u3000]+", "");
    }

    /** The address errors name, e.g. 绩效目标表!D17. */
    String name(int row, int column) {
        return sheet.getSheetName() + "!" + new CellReference(row, column).formatAsString(false);
    }
}
