package cn.perftarget.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small definition files for loader tests. */
final class DefinitionFiles {

    private DefinitionFiles() {
    }

    static String minimal(String key, int version) {
        return """
                {"key": "%s", "version": %d, "title": "测试表",
                 "prefill": {"/header/year": "year"},
                 "types": {"amount": {"type": "number", "min": 0, "scale": 6}},
                 "document": {"type": "object", "fields": {
                   "header": {"type": "object", "fields": {"year": {"type": "integer"}}},
                   "budget": {"type": "amount", "label": "预算"}}}}
                """.formatted(key, version);
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String location(Path dir) {
        return dir.toUri().toString();
    }
}
