package cn.perftarget.attachment;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface AttachmentContents extends Repository<AttachmentContent, Long> {

    AttachmentContent save(AttachmentContent content);

    Optional<AttachmentContent> findById(Long attachmentId);

    void deleteById(Long attachmentId);
}
