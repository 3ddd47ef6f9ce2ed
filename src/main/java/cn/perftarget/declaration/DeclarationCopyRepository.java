package cn.perftarget.declaration;

import org.springframework.data.repository.Repository;

interface DeclarationCopyRepository extends Repository<DeclarationCopy, DeclarationCopy.Key> {

    DeclarationCopy save(DeclarationCopy copy);

    boolean existsByDeclarationIdAndUsername(Long declarationId, String username);
}
