package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of an organisation import (RFC 4180: commas, double quotes, CRLF or LF), as Excel saves it with or without
 * a UTF-8 BOM. Each row keeps the number of the line it starts on, so an error can name it.
 */
final class Csv {

    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    private Csv() {
    }

    static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addRow(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRow(rows, rowLine, cells);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        // Blank lines (Excel writes a trailing one, or ",,,," for an emptied row) are no rows.
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
