package cn.perftarget.review;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewUrgeRepository extends JpaRepository<ReviewUrge, Long> {

    boolean existsByDeclarationIdAndStepAndUrgedOn(Long declarationId, String step, LocalDate urgedOn);
}
