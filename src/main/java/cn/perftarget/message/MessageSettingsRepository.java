package cn.perftarget.message;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface MessageSettingsRepository extends Repository<MessageSettings, String> {

    MessageSettings save(MessageSettings settings);

    Optional<MessageSettings> findById(String username);
}
