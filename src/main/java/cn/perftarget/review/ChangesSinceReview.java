package cn.perftarget.review;

import java.util.List;

import cn.perftarget.declaration.FieldChange;

/** What changed in a declaration between the revision a reviewer last decided on and the current one. */
public record ChangesSinceReview(int from, int to, List<FieldChange> changes) {
}
