package cn.perftarget.declaration;

/** The strong entity tag of a declaration is its revision number in quotes. */
final class EntityTags {

    private EntityTags() {
    }

    /** RFC 9110 If-Match: a list of tags or "*"; weak tags compare by their opaque value here. */
    static boolean matches(String ifMatch, int revision) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(Integer.toString(revision))) {
                return true;
            }
        }
        return false;
    }
}
