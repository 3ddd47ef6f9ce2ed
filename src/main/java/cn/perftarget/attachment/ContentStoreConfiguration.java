package cn.perftarget.attachment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database keeps the bytes unless {@code perftarget.attachments.directory} names a directory. */
@Configuration(proxyBeanMethods = false)
class ContentStoreConfiguration {

    @Bean
    ContentStore attachmentContentStore(AttachmentsProperties properties, AttachmentContents contents,
                                        Attachments attachments) {
        return properties.directory() == null ? new DatabaseContents(contents)
                : new DirectoryContents(properties.directory(), attachments);
    }
}
