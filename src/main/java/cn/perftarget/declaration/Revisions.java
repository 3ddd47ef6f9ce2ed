package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Revisions extends Repository<Revision, Long> {

    Revision save(Revision revision);

    // JPQL rather than a derived query: Hibernate caches the plan of a query string, but translates a derived
    // (criteria) query anew on every call, which cost half of this hot read (issue 12's profile).
    @Query("select r from Revision r where r.declarationId = :declarationId and r.number = :number")
    Optional<Revision> findByDeclarationIdAndNumber(Long declarationId, int number);

    List<Revision> findByDeclarationIdOrderByNumberAsc(Long declarationId);
}
