package cn.perftarget.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Counting helpers for the corpus of real published forms in forms/samples/real. */
final class RealForms {

    /** Transcribed cells: every scalar, null included (a printed empty cell). */
    static int cells(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            int n = 0;
            for (JsonNode child : node) {
                n += cells(child);
            }
            return n;
        }
        return 1;
    }

    private RealForms() {
    }
}
