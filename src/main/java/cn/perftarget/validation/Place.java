package cn.perftarget.validation;

/**
 * Where the walker is: the JSON Pointer for machines and a label trail for people. Labels of sections at
 * the top of the document are left out of the trail because they add length without telling fields apart,
 * while labels below them are needed (every fund row has a "当年预算").
 *
 * @param pointer JSON Pointer into the document
 * @param name    how messages call the value at this place, e.g. 年度目标第1项/绩效指标第2项/指标值
 * @param trail   what the children's names start with
 */
record Place(String pointer, String name, String trail) {

    static Place root(String label) {
        return new Place("", label, "");
    }

    boolean isRoot() {
        return pointer.isEmpty();
    }

    Place field(String key, String label, boolean section) {
        String childPointer = pointer + "/" + escape(key);
        if (isRoot() && section) {
            return new Place(childPointer, label, "");
        }
        String childName = join(trail, label);
        return new Place(childPointer, childName, childName);
    }

    Place item(int index) {
        String itemName = name + "第" + (index + 1) + "项";
        return new Place(pointer + "/" + index, itemName, itemName);
    }

    Place entry(String key) {
        String entryName = join(name, key);
        return new Place(pointer + "/" + escape(key), entryName, entryName);
    }

    private static String join(String trail, String label) {
        return trail.isEmpty() ? label : trail + "/" + label;
    }

    // RFC 6901: keys may contain "/" or "~", which would otherwise change the meaning of the pointer.
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
