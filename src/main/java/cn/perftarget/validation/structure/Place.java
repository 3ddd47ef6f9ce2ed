package cn.perftarget.validation.structure;

/**
 * Where the walker is: the JSON Pointer for machines and a label trail for people. Labels of sections at
 * the top of the document are left out of the trail because they add length without telling fields apart,
 * while labels below them are needed (every fund row has a "当年预算"). Pointer and names are built only when
 * a finding asks for them: most places of a document have none, and a 500-indicator form has thousands.
 */
public final class Place {

    private enum Kind { ROOT, FIELD, SECTION, ITEM, ENTRY }

    private final Place parent;
    private final Kind kind;
    private final String key;
    private final String label;

    private Place(Place parent, Kind kind, String key, String label) {
        this.parent = parent;
        this.kind = kind;
        this.key = key;
        this.label = label;
    }

    public static Place root(String label) {
        return new Place(null, Kind.ROOT, "", label);
    }

    public boolean isRoot() {
        return kind == Kind.ROOT;
    }

    public Place field(String key, String label, boolean section) {
        return new Place(this, isRoot() && section ? Kind.SECTION : Kind.FIELD, key, label);
    }

    public Place item(int index) {
        return new Place(this, Kind.ITEM, Integer.toString(index), null);
    }

    public Place entry(String key) {
        return new Place(this, Kind.ENTRY, key, null);
    }

    /** JSON Pointer into the document. */
    public String pointer() {
        // RFC 6901: keys may contain "/" or "~", which would otherwise change the meaning of the pointer.
        return isRoot() ? "" : parent.pointer() + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** How messages call the value at this place, e.g. 年度目标第1项/绩效指标第2项/指标值. */
    public String name() {
        return switch (kind) {
            case ROOT, SECTION -> label;
            case FIELD -> join(parent.trail(), label);
            case ITEM -> parent.name() + "第" + (Integer.parseInt(key) + 1) + "项";
            case ENTRY -> join(parent.name(), key);
        };
    }

    /** What the children's names start with. */
    public String trail() {
        return kind == Kind.ROOT || kind == Kind.SECTION ? "" : name();
    }

    private static String join(String trail, String label) {
        return trail.isEmpty() ? label : trail + "/" + label;
    }
}
