package cn.perftarget.files.xlsx;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;

/**
 * Finds the repeating sections below the fixed cells by the labels in column A (a section runs until the next
 * section's label) and reads them: texts, numbered lists, goals with their indicator tables.
 */
final class SectionReader {

    private final SheetReader reader;
    private final Cells cells;
    private final List<Layout.Section> sections;

    SectionReader(SheetReader reader) {
        this.reader = reader;
        this.cells = reader.cells();
        this.sections = reader.layout().sections();
    }

    void readAll() {
        int[] starts = new int[sections.size()];
        int from = reader.layout().blocksRow();
        for (int k = 0; k < sections.size(); k++) {
            starts[k] = -1;
            for (int r = from; r <= cells.lastRow(); r++) {
                if (starts(sections.get(k), r)) {
                    starts[k] = r;
                    from = r + 1;
                    break;
                }
            }
        }
        for (int k = 0; k < sections.size(); k++) {
            if (starts[k] < 0) {
                continue;
            }
            int end = cells.lastRow() + 1;
            for (int j = k + 1; j < sections.size(); j++) {
                if (starts[j] >= 0) {
                    end = starts[j];
                    break;
                }
            }
            read(sections.get(k), starts[k], end);
        }
    }

    private boolean starts(Layout.Section section, int row) {
        String a = cells.label(row, 0);
        return switch (section.kind()) {
            case "goals" -> goalTitle(section).matcher(a).matches();
            case "table" -> a.equals(compact(section.caption()));
            default -> a.equals(compact(section.label()));
        };
    }

    private static Pattern goalTitle(Layout.Section section) {
        return Pattern.compile("^" + Pattern.quote(compact(section.label())) + "([0-9]+)[:：](.*)$", Pattern.DOTALL);
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s\u3000]+", "");
    }

    private void read(Layout.Section section, int start, int end) {
        switch (section.kind()) {
            case "text" -> reader.set(section.pointer(), CellValues.raw(cells.at(start, 1)), start, 1);
            case "list" -> {
                int index = 0;
                for (int r = start; r < end; r++) {
                    String text = SheetReader.stripNumbering(cells.text(r, 1));
                    if (!text.isEmpty()) {
                        reader.set(section.pointer() + "/" + index++, new CellValues.Raw(text, null, false, false), r, 1);
                    }
                }
            }
            case "goals" -> goals(section, start, end);
            case "table" -> table(section.pointer(), section, start, end);
            default -> {
                // summary: the goal titles again, printed for the reader; the goal tables are the source
            }
        }
    }

    private void goals(Layout.Section section, int start, int end) {
        var titles = new ArrayList<Integer>();
        for (int r = start; r < end; r++) {
            if (goalTitle(section).matcher(cells.label(r, 0)).matches()) {
                titles.add(r);
            }
        }
        for (int g = 0; g < titles.size(); g++) {
            int row = titles.get(g);
            int next = g + 1 < titles.size() ? titles.get(g + 1) : end;
            String goal = section.pointer() + "/" + g;
            Matcher m = Pattern.compile("[:：]").matcher(cells.text(row, 0));
            String title = m.find() ? cells.text(row, 0).substring(m.end()).strip() : "";
            if (!title.isEmpty()) {
                reader.set(goal + "/title", new CellValues.Raw(title, null, false, false), row, 0);
            }
            DocumentTree.put(reader.document(), goal + "/indicators", reader.document().arrayNode(), reader.schema());
            table(goal + "/indicators", section, row + 1, next);
        }
    }

    private void table(String listPointer, Layout.Section section, int start, int end) {
        var columns = new TableColumns(section.fields(), reader.layout().columns());
        var first = columns.all().get(0);
        String firstLabel = compact(reader.schema().itemLabel(listPointer, first.field()));
        int header = -1;
        for (int r = start; r < Math.min(end, start + 3) && header < 0; r++) {
            if (cells.label(r, first.first()).equals(firstLabel)) {
                header = r;
            }
        }
        DocumentTree.ensureArray(reader.document(), listPointer, reader.schema());
        if (header < 0) {
            reader.error(listPointer, start, first.first(), "未找到指标表的表头“" + firstLabel + "”");
            return;
        }
        String[] years = {Integer.toString(reader.year() - 2), Integer.toString(reader.year() - 1)};
        var history = columns.all().stream().filter(c -> c.field().equals("history")).findFirst();
        if (history.isPresent()) {
            years[0] = yearOf(cells.text(header + 1, history.get().first()), years[0]);
            years[1] = yearOf(cells.text(header + 1, history.get().last()), years[1]);
        }
        String previousFirst = null;
        int index = 0;
        for (int r = header + (columns.hasHistory() ? 2 : 1); r < end; r++) {
            if (blank(columns, r)) {
                continue;
            }
            String item = listPointer + "/" + index;
            for (var column : columns.all()) {
                if (column.field().equals("history")) {
                    reader.set(item + "/history/" + years[0], CellValues.raw(cells.at(r, column.first())), r, column.first());
                    reader.set(item + "/history/" + years[1], CellValues.raw(cells.at(r, column.last())), r, column.last());
                    continue;
                }
                var raw = CellValues.raw(cells.at(r, column.first()));
                if (column == first) {
                    // clerks often leave the 一级指标 of the rows below blank instead of merging the cells
                    if (raw.blank() && previousFirst != null) {
                        raw = new CellValues.Raw(previousFirst, null, false, false);
                    }
                    previousFirst = CellValues.asText(raw);
                }
                reader.set(item + "/" + column.field(), raw, r, column.first());
            }
            if (reader.document().at(item).isMissingNode()) {
                DocumentTree.put(reader.document(), item, reader.document().objectNode(), reader.schema());
            }
            index++;
        }
    }

    /** A row with nothing of its own: no value outside the first column, and no first value of its own. */
    private boolean blank(TableColumns columns, int row) {
        for (var column : columns.all()) {
            for (int c = column.first(); c <= column.last(); c++) {
                boolean own = column != columns.all().get(0) || !cells.merged(row, c) || isFirstOfRegion(row, c);
                Cell cell = own ? cells.at(row, c) : null;
                if (own && !CellValues.raw(cell).blank()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isFirstOfRegion(int row, int column) {
        return cells.at(row, column) == cells.own(row, column);
    }

    private static String yearOf(String text, String fallback) {
        Matcher m = Pattern.compile("([0-9]{4})").matcher(text);
        return m.find() ? m.group(1) : fallback;
    }
}
