package cn.perftarget.review;

import java.util.List;

import org.springframework.data.repository.Repository;

interface ReviewDecisionRepository extends Repository<ReviewDecision, Long> {

    ReviewDecision save(ReviewDecision decision);

    List<ReviewDecision> findByDeclarationIdOrderByIdAsc(Long declarationId);
}
