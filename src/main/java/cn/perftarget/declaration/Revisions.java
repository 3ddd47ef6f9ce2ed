package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Revisions extends Repository<Revision, Long> {

    Revision save(Revision revision);

    Optional<Revision> findByDeclarationIdAndNumber(Long declarationId, int number);

    List<Revision> findByDeclarationIdOrderByNumberAsc(Long declarationId);
}
