package cn.perftarget.message;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

    Message save(Message message);

    Optional<Message> findByIdAndRecipient(Long id, String recipient);

    Page<Message> findByRecipientOrderByIdDesc(String recipient, Pageable page);

    Page<Message> findByRecipientAndReadAtIsNullOrderByIdDesc(String recipient, Pageable page);

    long countByRecipientAndReadAtIsNull(String recipient);

    @Modifying
    @Query("update Message m set m.readAt = :at where m.recipient = :recipient and m.readAt is null")
    int markAllRead(String recipient, Instant at);
}
