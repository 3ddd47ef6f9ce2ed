package cn.perftarget.definition;

final class Pointers {

    private Pointers() {
    }

    /** RFC 6901: keys may contain "/" or "~", which would otherwise change the meaning of the pointer. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
