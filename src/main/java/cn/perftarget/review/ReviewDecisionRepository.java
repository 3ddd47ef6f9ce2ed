package cn.perftarget.review;

import org.springframework.data.repository.Repository;

interface ReviewDecisionRepository extends Repository<ReviewDecision, Long> {

    ReviewDecision save(ReviewDecision decision);
}
