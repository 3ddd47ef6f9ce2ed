package cn.perftarget.files.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.perftarget.definition.FormDefinition;

/** A document in the official layout: the template's fixed cells filled in, the repeating sections appended. */
public final class SheetWriter {

    private final Layout layout;
    private final Schema schema;
    private final JsonNode document;
    private final int year;
    private final XSSFWorkbook book;
    private final Grid grid;
    private final Map<Integer, CellStyle> percentStyles = new HashMap<>();
    private final Map<String, CellStyle> scaledStyles = new HashMap<>();
    private final int last;
    private int row;

    private SheetWriter(Layout layout, FormDefinition definition, JsonNode document, int fallbackYear) {
        this.layout = layout;
        this.schema = new Schema(definition);
        this.document = document;
        this.year = document.at("/header/year").canConvertToInt() ? document.at("/header/year").asInt() : fallbackYear;
        try {
            this.book = new XSSFWorkbook(new ByteArrayInputStream(layout.template()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.grid = new Grid(book, book.getSheet(layout.sheetName()));
        this.last = layout.columns() - 1;
        this.row = layout.blocksRow();
    }

    /** The filled-in workbook; the caller writes or reads it and closes it. */
    public static XSSFWorkbook write(Layout layout, FormDefinition definition, JsonNode document, int fallbackYear) {
        var writer = new SheetWriter(layout, definition, document, fallbackYear);
        writer.fixedCells();
        writer.grid.row(writer.row).removeCell(writer.grid.cell(writer.row, 0));
        for (var section : layout.sections()) {
            writer.section(section);
        }
        var book = writer.book;
        book.removeSheetAt(book.getSheetIndex(Layout.LAYOUT_SHEET));
        book.setPrintArea(book.getSheetIndex(layout.sheetName()), 0, writer.last, 0, writer.row - 1);
        return book;
    }

    private void fixedCells() {
        for (var binding : layout.bindings()) {
            Cell cell = grid.cell(binding.address().getRow(), binding.address().getColumn());
            if (binding.whole()) {
                String pointer = Layout.expand(binding.pointers().get(0), year);
                JsonNode value = document.at(pointer);
                String type = schema.type(pointer);
                if (value.isMissingNode() || value.isNull()) {
                    cell.setBlank();
                } else if (value.isNumber() && (type.equals("number") || type.equals("integer"))) {
                    if (binding.percent()) {
                        cell.setCellValue(value.decimalValue().movePointLeft(2).doubleValue());
                        cell.setCellStyle(percentStyle(cell.getCellStyle(), value.decimalValue()));
                    } else {
                        cell.setCellValue(value.doubleValue());
                        // A computed value (a score, a total) shows the decimals it is computed to; an entered
                        // amount's scale is only the most it may have, so it shows as entered.
                        JsonNode scale = schema.at(pointer).path("scale");
                        if (scale.canConvertToInt() && schema.at(pointer).path("computed").asBoolean(false)) {
                            cell.setCellStyle(scaledStyle(cell.getCellStyle(), scale.asInt()));
                        }
                    }
                } else {
                    cell.setCellValue(value.asText());
                    fitMerged(cell, value.asText());
                }
                continue;
            }
            Matcher m = Layout.PLACEHOLDER.matcher(binding.text());
            var out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(placeholder(m.group(1))));
            }
            cell.setCellValue(m.appendTail(out).toString());
        }
    }

    private String placeholder(String expression) {
        if (expression.startsWith("/")) {
            JsonNode value = document.at(Layout.expand(expression, year));
            return value.isValueNode() && !value.isNull() ? value.asText() : "";
        }
        return Layout.expand("{" + expression + "}", year);
    }

    /** A computed number with a scale (a score, a total) shows that many decimals: 98.10, not 98.1. */
    private CellStyle scaledStyle(CellStyle base, int decimals) {
        return scaledStyles.computeIfAbsent(base.getIndex() + "/" + decimals, k -> {
            var style = book.createCellStyle();
            style.cloneStyleFrom(base);
            style.setDataFormat(book.createDataFormat().getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
            return style;
        });
    }

    private CellStyle percentStyle(CellStyle base, BigDecimal percent) {
        int decimals = Math.max(0, percent.stripTrailingZeros().scale());
        return percentStyles.computeIfAbsent(decimals, d -> {
            var style = book.createCellStyle();
            style.cloneStyleFrom(base);
            style.setDataFormat(book.createDataFormat().getFormat(d == 0 ? "0%" : "0." + "0".repeat(d) + "%"));
            return style;
        });
    }

    private void fitMerged(Cell cell, String text) {
        for (var region : grid.sheet.getMergedRegions()) {
            if (region.isInRange(cell) && region.getFirstRow() == region.getLastRow()) {
                grid.fit(cell.getRowIndex(), region.getFirstColumn(), region.getLastColumn(), text);
                return;
            }
        }
    }

    private void section(Layout.Section section) {
        switch (section.kind()) {
            case "text" -> {
                grid.put(row, 0, row, 0, "label", section.label());
                String text = document.at(section.pointer()).asText("");
                grid.put(row, 1, row, last, "text", text);
                grid.fit(row, 1, last, text);
                row++;
            }
            case "list" -> {
                List<String> items = texts(document.at(section.pointer()), null);
                int n = Math.max(1, items.size());
                grid.put(row, 0, row + n - 1, 0, "label", section.label());
                for (int i = 0; i < n; i++) {
                    String text = i < items.size() ? (i + 1) + "、" + items.get(i) : "";
                    grid.put(row + i, 1, row + i, last, "text", text);
                    grid.fit(row + i, 1, last, text);
                }
                row += n;
            }
            case "summary" -> summary(section);
            case "goals" -> {
                JsonNode goals = document.at(section.pointer());
                for (int i = 0; i < goals.size(); i++) {
                    String title = section.label() + " " + (i + 1) + "：" + goals.get(i).path("title").asText("");
                    grid.put(row, 0, row, last, "text", title);
                    grid.fit(row, 0, last, title);
                    row++;
                    table(section.pointer() + "/" + i + "/indicators", section);
                }
            }
            case "table" -> table(section.pointer(), section);
            default -> throw new IllegalStateException("Layout " + layout.name() + ": unknown section " + section.kind());
        }
    }

    private void summary(Layout.Section section) {
        String[] pointers = section.pointer().split("\\s+");
        String[] titles = section.caption().split("\\s+");
        var lists = new ArrayList<List<String>>();
        for (String pointer : pointers) {
            lists.add(texts(document.at(pointer), "title"));
        }
        int n = Math.max(1, lists.stream().mapToInt(List::size).max().orElse(0));
        grid.put(row, 0, row + n, 0, "label", section.label());
        int width = last / pointers.length;
        for (int p = 0; p < pointers.length; p++) {
            int c1 = 1 + p * width;
            int c2 = p == pointers.length - 1 ? last : c1 + width - 1;
            grid.put(row, c1, row, c2, "label", p < titles.length ? titles[p] : "");
            for (int i = 0; i < n; i++) {
                String text = i < lists.get(p).size() ? "目标 " + (i + 1) + "：" + lists.get(p).get(i) : "";
                grid.put(row + 1 + i, c1, row + 1 + i, c2, "text", text);
                grid.fit(row + 1 + i, c1, c2, text);
            }
        }
        row += n + 1;
    }

    /** An indicator table: caption in column A, one header row (two with 近两年), one row per indicator. */
    private void table(String listPointer, Layout.Section section) {
        JsonNode items = document.at(listPointer);
        var columns = new TableColumns(section.fields(), layout.columns());
        int headerRows = columns.hasHistory() ? 2 : 1;
        int n = items.size();
        grid.put(row, 0, row + headerRows + n - 1, 0, "label", section.caption());
        for (var column : columns.all()) {
            String label = schema.itemLabel(listPointer, column.field());
            if (column.field().equals("history")) {
                grid.put(row, column.first(), row, column.last(), "label", label);
                grid.put(row + 1, column.first(), row + 1, column.first(), "label", (year - 2) + "年");
                grid.put(row + 1, column.last(), row + 1, column.last(), "label", (year - 1) + "年");
            } else {
                grid.put(row, column.first(), row + headerRows - 1, column.last(), "label", label);
            }
        }
        row += headerRows;
        String firstField = columns.all().get(0).field();
        for (int i = 0; i < n; i++) {
            JsonNode item = items.get(i);
            for (var column : columns.all()) {
                if (column.field().equals("history")) {
                    grid.put(row + i, column.first(), row + i, column.first(), "center",
                            text(item.path("history").path(Integer.toString(year - 2))));
                    grid.put(row + i, column.last(), row + i, column.last(), "center",
                            text(item.path("history").path(Integer.toString(year - 1))));
                } else if (column.field().equals(firstField)) {
                    String value = text(item.path(firstField));
                    if (i > 0 && value.equals(text(items.get(i - 1).path(firstField)))) {
                        continue;
                    }
                    int end = i;
                    while (end + 1 < n && value.equals(text(items.get(end + 1).path(firstField)))) {
                        end++;
                    }
                    grid.put(row + i, column.first(), row + end, column.last(), "center", value);
                } else {
                    String value = text(item.path(column.field()), schema.at(listPointer + "/0/" + column.field()));
                    grid.put(row + i, column.first(), row + i, column.last(), column.wide() ? "text" : "center", value);
                    grid.fit(row + i, column.first(), column.last(), value);
                }
            }
        }
        row += n;
    }

    /** As {@link #text(JsonNode)}, a computed number with a scale written with that many decimals (a score: 7.50). */
    private static String text(JsonNode value, JsonNode field) {
        if (value.isNumber() && field.path("scale").canConvertToInt() && field.path("computed").asBoolean(false)) {
            return value.decimalValue().setScale(field.path("scale").asInt(), java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return text(value);
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static List<String> texts(JsonNode list, String field) {
        var texts = new ArrayList<String>();
        list.forEach(item -> texts.add(text(field == null ? item : item.path(field))));
        return texts;
    }
}
