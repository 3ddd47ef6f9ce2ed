package cn.perftarget.review;

import java.util.List;

/**
 * A reviewer's decision as submitted.
 *
 * @param grade    优, 良, 中 or 差, where the step's model asks for a grade
 * @param fields   JSON Pointers into the document that the comment is about
 * @param returnTo with a return: the status of an earlier review step to go back to (退回到指定环节), not the filer
 */
public record DecisionCommand(Outcome outcome, String comment, String grade, List<String> fields, String returnTo) {

    public DecisionCommand {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public DecisionCommand(Outcome outcome, String comment, String grade, List<String> fields) {
        this(outcome, comment, grade, fields, null);
    }
}
