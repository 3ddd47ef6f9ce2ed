package cn.perftarget.review;

import java.util.List;

/** What a 催办 did: the step urged and the reviewers told. */
public record Urge(long declarationId, String step, String stepLabel, List<String> reviewers, List<String> reviewerNames) {

    public Urge {
        reviewers = List.copyOf(reviewers);
        reviewerNames = List.copyOf(reviewerNames);
    }
}
