package cn.perftarget.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A reviewer's comment as it stands beside one field: the decision, and where it stands now.
 *
 * @param decision  the decision the comment belongs to (its properties appear at the top level)
 * @param addressed the field's value now differs from its value in the revision the comment was made on, so the
 *                  filer has acted on it (已处理)
 * @param settled   the declaration was approved on or after the revision the comment was made on: the comment is
 *                  history, shown folded
 */
public record FieldComment(@JsonUnwrapped DecisionView decision, boolean addressed, boolean settled) {
}
