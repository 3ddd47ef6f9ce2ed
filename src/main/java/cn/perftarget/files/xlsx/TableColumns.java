package cn.perftarget.files.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where each indicator field sits in a table: from column B, one column each, {@code history} two (the two
 * years before the budget year), the last field stretching to the sheet's last column.
 */
record TableColumns(List<Column> all, boolean hasHistory) {

    private static final Set<String> WIDE = Set.of("name", "note");

    record Column(String field, int first, int last) {

        boolean wide() {
            return WIDE.contains(field);
        }
    }

    TableColumns(List<String> fields, int columns) {
        this(place(fields, columns), fields.contains("history"));
    }

    private static List<Column> place(List<String> fields, int columns) {
        var placed = new ArrayList<Column>();
        int c = 1;
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            int width = field.equals("history") ? 2 : 1;
            int last = i == fields.size() - 1 ? Math.max(c + width - 1, columns - 1) : c + width - 1;
            placed.add(new Column(field, c, last));
            c = last + 1;
        }
        return List.copyOf(placed);
    }
}
