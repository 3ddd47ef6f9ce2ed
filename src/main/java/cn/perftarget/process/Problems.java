package cn.perftarget.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found so far, in the order found. A set, because one element can break a rule twice the same way
 * (the same unknown bean in two attributes of one task), and a reader needs to hear it once.
 */
final class Problems {

    private final Set<ModelCheck.Problem> found = new LinkedHashSet<>();

    /** The message starts with the element id, so that it still names the element when shown on its own. */
    void add(String elementId, String message) {
        found.add(new ModelCheck.Problem(elementId, elementId + "：" + message));
    }

    List<ModelCheck.Problem> list() {
        return List.copyOf(found);
    }
}
