package cn.perftarget.web.page;

import java.util.List;

/**
 * What the 申报表 page shows, built from a form definition and a document by {@link FormLayout}. Every pointer is
 * the JSON Pointer of the value in the document; in the templates of new rows, an index reads {@code *}.
 */
final class FormParts {

    private FormParts() {
    }

    sealed interface Part permits Field, Group, Table, Repeat {
        String kind();
    }

    /**
     * One input. {@code type} is the schema type (string, number, integer); {@code control} is text, textarea or
     * select; {@code calc} names the live sum ({@code sum}) or share ({@code share}) it shows, with its operands.
     * {@code depends} names the sibling field (一级指标) whose value, {@code parent}, picks the group of choices offered.
     */
    record Field(String pointer, String label, String type, String control, String value, List<Choices> choices,
                 String hint, boolean required, int maxLength, String calc, String operands,
                 String depends, String parent, boolean fixed) implements Part {
        public String kind() {
            return "field";
        }

        Field withParent(String parentValue) {
            return new Field(pointer, label, type, control, value, choices, hint, required, maxLength, calc, operands,
                    depends, parentValue, fixed);
        }

        /** A group of choices is offered while no parent is chosen, or when it is the chosen parent's group. */
        public boolean offers(Choices group) {
            return depends == null || parent == null || parent.isEmpty() || parent.equals(group.group());
        }

        /** Long texts take the whole width of their group. */
        public boolean wide() {
            return "textarea".equals(control) || "string".equals(type) && maxLength >= 200;
        }

        public int rows() {
            return value.length() > 300 ? 8 : value.length() > 80 ? 4 : 2;
        }

        /** The value is one of the choices offered (a value outside them is still shown, marked). */
        public boolean listed() {
            return choices.stream().filter(this::offers).anyMatch(c -> c.values().contains(value));
        }
    }

    /** Allowed values, under an 一级 heading when {@code group} is set. */
    record Choices(String group, List<String> values) {
    }

    record Group(String pointer, String label, String description, List<Part> parts) implements Part {
        public String kind() {
            return "group";
        }
    }

    /** An object of rows (收入构成, 支出构成) laid out as one table; a map column spreads over its keys. */
    record Table(String pointer, String label, List<Column> columns, List<RowGroup> groups) implements Part {
        public String kind() {
            return "table";
        }

        public boolean hasSubColumns() {
            return columns.stream().anyMatch(c -> !c.keys().isEmpty());
        }
    }

    /** A column of a table; {@code keys} are the map keys a map column spreads over (empty for a plain column). */
    record Column(String label, List<String> keys) {
        public int span() {
            return Math.max(1, keys.size());
        }
    }

    record RowGroup(String pointer, String label, List<Row> rows) {
    }

    record Row(String pointer, String label, List<Field> cells) {
    }

    /**
     * An array: {@code style} lines (one input per item), rows (a table with one row per item) or cards (an item
     * with fields and lists of its own). {@code template} is the new item, with {@code *} for its index; {@code hints}
     * tell how to fill in the columns of rows, once per table; {@code library}: a row can start from a 指标库 entry;
     * {@code fixed}: its items hold values the system fills (a follow-up's approved targets), so none is added,
     * removed or moved.
     */
    record Repeat(String pointer, String pattern, String label, String itemLabel, String style,
                  List<Column> columns, List<String> hints, List<Item> items, Item template,
                  boolean library, boolean fixed) implements Part {
        public String kind() {
            return "repeat";
        }

        /** A map column (近两年指标值) has a second header row naming its years. */
        public boolean hasSubColumns() {
            return columns.stream().anyMatch(c -> !c.keys().isEmpty());
        }
    }

    /**
     * One array item: {@code cells} for lines and rows, {@code parts} for cards; {@code kept}: values of the item
     * that its table has no column for, carried as hidden inputs.
     */
    record Item(String pointer, List<Field> cells, List<Part> parts, List<Field> kept) {
    }
}
