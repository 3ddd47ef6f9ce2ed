package cn.perftarget.review;

import java.util.List;

/**
 * A reviewer's decision as submitted.
 *
 * @param grade  优, 良, 中 or 差 (finance only)
 * @param fields JSON Pointers into the document that the comment is about
 */
public record DecisionCommand(Outcome outcome, String comment, String grade, List<String> fields) {

    public DecisionCommand {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
