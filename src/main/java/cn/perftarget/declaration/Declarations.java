package cn.perftarget.declaration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface Declarations extends Repository<Declaration, Long>, JpaSpecificationExecutor<Declaration> {

    Declaration save(Declaration declaration);

    Optional<Declaration> findById(Long id);

    List<Declaration> findByStatusOrderByIdAsc(DeclarationStatus status);
}
