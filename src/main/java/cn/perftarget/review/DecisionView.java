package cn.perftarget.review;

import java.time.Instant;
import java.util.List;

import cn.perftarget.declaration.DeclarationStatus;

/**
 * One reviewer's decision as filers and auditors see it.
 *
 * @param reviewer     the reviewer's username
 * @param reviewerName the reviewer's name, as pages and files sign the comment
 * @param fields   JSON Pointers of the fields the comment is about
 * @param revision the revision the reviewer decided on
 */
public record DecisionView(DeclarationStatus step, String reviewer, String reviewerName, String outcome, String comment, String grade,
                           List<String> fields, int revision, Instant decidedAt) {
}
