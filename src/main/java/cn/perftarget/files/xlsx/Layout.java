package cn.perftarget.files.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The official layout of one form template, read from its committed .xlsx: the sheet with {@code ${/pointer}}
 * placeholders (fixed cells), the {@code ${blocks}} row where the repeating sections start, and the sections
 * listed on the hidden sheet 版式.
 */
public record Layout(String name, byte[] template, String sheetName, int columns, List<Binding> bindings,
                     int blocksRow, List<Section> sections) {

    static final String LAYOUT_SHEET = "版式";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");

    /** A fixed cell of the template; {@code pointers} are the document values it shows, in order. */
    public record Binding(CellAddress address, String text, List<String> pointers, boolean whole, boolean percent) {

        boolean yearRelative() {
            return pointers.stream().anyMatch(p -> p.contains("{year"));
        }
    }

    /**
     * A repeating section below the fixed cells.
     *
     * @param kind    {@code text}, {@code list}, {@code summary}, {@code goals} or {@code table}
     * @param pointer the document place(s), space-separated for {@code summary}
     * @param label   the Chinese name printed in column A (or before each goal's number)
     * @param caption the indicator table's caption, or the summary's column titles
     * @param fields  indicator fields, one column each ({@code history}: two, the last one spans to the right)
     */
    public record Section(String kind, String pointer, String label, String caption, List<String> fields) {
    }

    static Layout parse(String name, byte[] template) {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = book.getSheetAt(0);
            var bindings = new ArrayList<Binding>();
            int blocksRow = -1;
            int columns = 0;
            for (Row row : sheet) {
                columns = Math.max(columns, row.getLastCellNum());
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    String text = cell.getStringCellValue();
                    if (text.equals("${blocks}")) {
                        blocksRow = cell.getRowIndex();
                        continue;
                    }
                    var pointers = new ArrayList<String>();
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        if (m.group(1).startsWith("/")) {
                            pointers.add(m.group(1));
                        }
                    }
                    if (text.contains("${")) {
                        boolean whole = pointers.size() == 1 && text.equals("${" + pointers.get(0) + "}");
                        boolean percent = cell.getCellStyle().getDataFormatString().contains("%");
                        bindings.add(new Binding(cell.getAddress(), text, List.copyOf(pointers), whole, percent));
                    }
                }
            }
            if (blocksRow < 0) {
                throw new IllegalStateException("Layout " + name + " has no ${blocks} row");
            }
            return new Layout(name, template, sheet.getSheetName(), columns, List.copyOf(bindings), blocksRow,
                    sections(book, name));
        } catch (IOException e) {
            throw new UncheckedIOException("Layout " + name + " cannot be read", e);
        }
    }

    private static List<Section> sections(XSSFWorkbook book, String name) {
        var sheet = book.getSheet(LAYOUT_SHEET);
        if (sheet == null) {
            throw new IllegalStateException("Layout " + name + " has no sheet " + LAYOUT_SHEET);
        }
        var sections = new ArrayList<Section>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row == null || text(row, 0).isEmpty()) {
                continue;
            }
            String fields = text(row, 4);
            sections.add(new Section(text(row, 0), text(row, 1), text(row, 2), text(row, 3),
                    fields.isEmpty() ? List.of() : List.of(fields.split("\\s+"))));
        }
        return List.copyOf(sections);
    }

    private static String text(Row row, int column) {
        var cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue().trim();
    }

    /** A placeholder's pointer with {@code {year-1}} and the like replaced for the document's year. */
    static String expand(String pointer, int year) {
        Matcher m = Pattern.compile("\\{year([+-][0-9]+)?}").matcher(pointer);
        var out = new StringBuilder();
        while (m.find()) {
            int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            m.appendReplacement(out, Integer.toString(year + offset));
        }
        return m.appendTail(out).toString();
    }
}
