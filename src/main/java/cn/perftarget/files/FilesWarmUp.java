package cn.perftarget.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the print view and the PDF on a background thread once the application is ready: the first PDF used to
 * take 5–10 s (the CJK font parsed on first use) and the first print view 2.7 s. The thread never delays start-up
 * or a request beyond the one PDF it may be rendering when a user asks for theirs.
 */
@Component
class FilesWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FilesWarmUp.class);

    private final DeclarationFiles files;
    private final boolean enabled;

    FilesWarmUp(DeclarationFiles files, FilesProperties properties) {
        this.files = files;
        this.enabled = properties.warmUp();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            var thread = new Thread(this::run, "files-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long start = System.nanoTime();
        try {
            var sizes = files.warmUp();
            log.info("打印和 PDF 已预热：{}，用时 {} ms", sizes.keySet(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // a missing font shows on the first real PDF with its own message; the warm-up only says it could not
            log.warn("打印和 PDF 预热未完成：{}", e.toString());
        }
    }
}
