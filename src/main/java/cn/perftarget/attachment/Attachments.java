package cn.perftarget.attachment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface Attachments extends Repository<Attachment, Long> {

    Attachment save(Attachment attachment);

    void delete(Attachment attachment);

    Optional<Attachment> findByIdAndDeclarationId(long id, long declarationId);

    /** How many attachments (of any declaration) have these bytes: a directory keeps them once for all. */
    long countBySha256(String sha256);

    /** The files listed in one revision: added in it or before, not removed by it. */
    @Query("select a from Attachment a where a.declarationId = :declaration and a.addedRevision <= :revision"
            + " and (a.removedRevision is null or a.removedRevision > :revision) order by a.id")
    List<Attachment> listedIn(@Param("declaration") long declarationId, @Param("revision") int revision);
}
