package cn.perftarget.attachment;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Timers of uploads and downloads ({@code perftarget_attachment_upload_seconds{result}},
 * {@code perftarget_attachment_download_seconds{result}}): the bytes go through the database, so these are where a
 * slow disk or a large file shows.
 */
@Component
class AttachmentMeters {

    private final MeterRegistry registry;

    AttachmentMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T upload(Supplier<T> call) {
        return timed("perftarget.attachment.upload", "上传附件所用时间", call);
    }

    <T> T download(Supplier<T> call) {
        return timed("perftarget.attachment.download", "下载附件所用时间", call);
    }

    private <T> T timed(String name, String description, Supplier<T> call) {
        var sample = Timer.start(registry);
        String result = "refused";
        try {
            T value = call.get();
            result = "ok";
            return value;
        } finally {
            sample.stop(Timer.builder(name).description(description).tag("result", result).register(registry));
        }
    }
}
