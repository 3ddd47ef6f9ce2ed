package cn.perftarget.review;

import java.util.List;

import cn.perftarget.declaration.DeclarationStatus;

/** 催办: {@code actor} urged the reviewers of {@code step}; published in the transaction of the urge. */
public record ReviewUrged(long declarationId, DeclarationStatus step, String actor, List<String> reviewers) {

    public ReviewUrged {
        reviewers = List.copyOf(reviewers);
    }
}
