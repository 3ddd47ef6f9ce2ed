package cn.perftarget.files.xlsx;

import cn.perftarget.files.CellError;
import cn.perftarget.files.SheetProblemException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.perftarget.definition.FormDefinition;

/** Reads a sheet in the official layout back into a document; every unreadable cell is reported, none guessed. */
public final class SheetReader {

    private static final Pattern YEAR = Pattern.compile("^\\s*([0-9]{4})\\s*年?\\s*$");
    private static final Pattern NUMBERING = Pattern.compile("^[0-9]+\\s*[、.．,，)）]\\s*");

    private final Layout layout;
    private final Schema schema;
    private final Cells cells;
    private final List<CellError> errors = new ArrayList<>();
    private final ObjectNode document = JsonNodeFactory.instance.objectNode();
    private int year;

    private SheetReader(Layout layout, FormDefinition definition, Sheet sheet) {
        this.layout = layout;
        this.schema = new Schema(definition);
        this.cells = new Cells(sheet);
    }

    /**
     * The document the sheet holds.
     *
     * @param fallbackYear the year for the 近两年 columns when the sheet does not name its year
     * @throws SheetProblemException naming every cell that cannot be read
     */
    public static ObjectNode read(Layout layout, FormDefinition definition, byte[] xlsx, int fallbackYear) {
        try (Workbook book = open(xlsx)) {
            Sheet sheet = book.getSheet(layout.sheetName());
            if (sheet == null && book.getNumberOfSheets() > 0) {
                sheet = book.getSheetAt(0);
            }
            if (sheet == null) {
                throw new SheetProblemException(List.of(new CellError("", "", "表格中没有工作表“" + layout.sheetName() + "”")));
            }
            var reader = new SheetReader(layout, definition, sheet);
            reader.year = fallbackYear;
            reader.readAll();
            if (!reader.errors.isEmpty()) {
                throw new SheetProblemException(reader.errors);
            }
            return reader.document;
        } catch (java.io.IOException e) {
            throw notXlsx();
        }
    }

    private static Workbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (Exception e) {
            throw notXlsx();
        }
    }

    private static SheetProblemException notXlsx() {
        return new SheetProblemException(List.of(new CellError("", "",
                "上传的文件不是有效的 Excel 工作簿（.xlsx），请用“另存为 Excel 工作簿”后再上传")));
    }

    private void readAll() {
        layout.bindings().stream().filter(b -> !b.yearRelative()).forEach(this::binding);
        if (document.at("/header/year").canConvertToInt()) {
            year = document.at("/header/year").asInt();
        }
        layout.bindings().stream().filter(Layout.Binding::yearRelative).forEach(this::binding);
        new SectionReader(this).readAll();
    }

    private void binding(Layout.Binding binding) {
        int r = binding.address().getRow();
        int c = binding.address().getColumn();
        if (binding.pointers().isEmpty()) {
            return;
        }
        if (binding.whole()) {
            set(expand(binding), CellValues.raw(cells.at(r, c)), r, c);
            return;
        }
        String text = cells.text(r, c);
        if (text.isEmpty()) {
            return;
        }
        Matcher m = pattern(binding.text()).matcher(text.replaceAll("[\\s\u3000]+", ""));
        if (!m.matches()) {
            String expected = binding.text().replaceAll(Layout.PLACEHOLDER.pattern(), "…");
            errors.add(new CellError(binding.pointers().get(0), cells.name(r, c), cells.name(r, c) + "：应为“"
                    + expected + "”，实际为“" + text + "”"));
            return;
        }
        for (int i = 0; i < binding.pointers().size(); i++) {
            set(Layout.expand(binding.pointers().get(i), year),
                    new CellValues.Raw(m.group(i + 1), null, false, false), r, c);
        }
    }

    /**
     * A value under a year heading (近两年收支情况) belongs to the year the sheet's heading names: sheets filled in on
     * the older official form list the later year first, ours the earlier year first, and both must read right.
     */
    private String expand(Layout.Binding binding) {
        String pointer = binding.pointers().get(0);
        if (binding.yearRelative()) {
            for (var heading : layout.bindings()) {
                if (heading.pointers().isEmpty() && heading.text().contains("${year")
                        && heading.address().getColumn() == binding.address().getColumn()
                        && heading.address().getRow() < binding.address().getRow()) {
                    Matcher named = YEAR.matcher(cells.text(heading.address().getRow(), heading.address().getColumn()));
                    if (named.matches()) {
                        return pointer.replaceAll("\\{year([+-][0-9]+)?}", named.group(1));
                    }
                }
            }
        }
        return Layout.expand(pointer, year);
    }

    /** The template text as a pattern: its fixed parts literally (spaces ignored), each document value a group. */
    private static Pattern pattern(String template) {
        var regex = new StringBuilder("^");
        Matcher m = Layout.PLACEHOLDER.matcher(template);
        int end = 0;
        while (m.find()) {
            regex.append(literal(template.substring(end, m.start())));
            regex.append(m.group(1).startsWith("/") ? "(.*?)" : ".*?");
            end = m.end();
        }
        return Pattern.compile(regex.append(literal(template.substring(end))).append("$").toString());
    }

    private static String literal(String text) {
        String compact = text.replaceAll("[\\s\u3000]+", "");
        return compact.isEmpty() ? "" : Pattern.quote(compact);
    }

    Cells cells() {
        return cells;
    }

    ObjectNode document() {
        return document;
    }

    int year() {
        return year;
    }

    Schema schema() {
        return schema;
    }

    Layout layout() {
        return layout;
    }

    void error(String pointer, int row, int column, String message) {
        errors.add(new CellError(pointer, cells.name(row, column), cells.name(row, column) + "：" + message));
    }

    /** Reads one cell into the document by the schema type at the pointer; blanks leave the value absent. */
    void set(String pointer, CellValues.Raw raw, int row, int column) {
        String label = schema.label(pointer);
        try {
            JsonNode value = switch (schema.type(pointer)) {
                case "number" -> number(CellValues.asNumber(raw));
                case "integer" -> {
                    Integer integer = CellValues.asInteger(raw);
                    yield integer == null ? null : IntNode.valueOf(integer);
                }
                case "boolean" -> bool(CellValues.asText(raw));
                default -> {
                    String text = CellValues.asText(raw);
                    yield text == null ? null : TextNode.valueOf(text);
                }
            };
            if (value != null) {
                DocumentTree.put(document, pointer, value, schema);
            }
        } catch (NumberFormatException e) {
            error(pointer, row, column, "“" + label + "”" + e.getMessage());
        }
    }

    private static JsonNode number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0) {
            try {
                long whole = plain.longValueExact();
                return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
            } catch (ArithmeticException e) {
                return DecimalNode.valueOf(plain);
            }
        }
        return plain.precision() <= 15 ? DoubleNode.valueOf(plain.doubleValue()) : DecimalNode.valueOf(plain);
    }

    private static JsonNode bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "是", "true", "TRUE", "√" -> BooleanNode.TRUE;
            case "否", "false", "FALSE", "×" -> BooleanNode.FALSE;
            default -> throw new NumberFormatException("应为“是”或“否”，实际为“" + text + "”");
        };
    }

    static String stripNumbering(String text) {
        return NUMBERING.matcher(text).replaceFirst("");
    }
}
