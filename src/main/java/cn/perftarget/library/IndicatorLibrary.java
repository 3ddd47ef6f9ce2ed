package cn.perftarget.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The 指标库: common indicators per 一级/二级指标 with a typical value and unit, per indicator framework, read at
 * start-up from {@code forms/library/*.json} (data, not code). A bad file stops the start-up naming the file.
 */
@Service
public class IndicatorLibrary {

    private final List<LibraryIndicator> indicators = new ArrayList<>();
    private final Map<String, Set<String>> formsOf = new HashMap<>();

    IndicatorLibrary(LibraryProperties properties, ObjectMapper json) {
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(properties.location())) {
                try (InputStream in = resource.getInputStream()) {
                    load(resource.getFilename(), json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("指标库无法读取：" + properties.location(), e);
        }
        indicators.sort(Comparator.comparing(LibraryIndicator::framework).thenComparing(i -> !i.core()));
    }

    private void load(String file, JsonNode root) {
        String framework = root.path("framework").asText("");
        if (framework.isEmpty() || !root.path("indicators").isArray()) {
            throw new IllegalStateException("指标库文件 " + file + " 需要 framework 和 indicators");
        }
        var forms = new HashSet<String>();
        root.path("forms").forEach(form -> forms.add(form.asText()));
        formsOf.put(framework, forms);
        int i = 0;
        for (JsonNode item : root.path("indicators")) {
            for (String field : List.of("level1", "level2", "name", "value")) {
                if (item.path(field).asText("").isBlank()) {
                    throw new IllegalStateException("指标库文件 " + file + " 的 /indicators/" + i + "/" + field + " 为空");
                }
            }
            indicators.add(new LibraryIndicator(framework, item.path("level1").asText(), item.path("level2").asText(),
                    item.path("name").asText(), item.path("value").asText(), item.path("unit").asText(""),
                    item.path("core").asBoolean(false), item.path("note").asText(null)));
            i++;
        }
    }

    /**
     * The indicators that match every given filter, core indicators first; blank filters match all.
     * {@code level1}/{@code level2} match with or without the 指标 suffix; {@code q} looks in names, levels and notes;
     * {@code form} keeps the frameworks that serve that form template (its key, e.g. {@code dept-overall}).
     */
    public List<LibraryIndicator> search(String q, String level1, String level2, String framework, String form) {
        return indicators.stream()
                .filter(i -> blank(framework) || i.framework().equals(framework.strip()))
                .filter(i -> blank(form) || formsOf.get(i.framework()).contains(form.strip()))
                .filter(i -> blank(level1) || level(i.level1()).equals(level(level1)))
                .filter(i -> blank(level2) || level(i.level2()).equals(level(level2)))
                .filter(i -> blank(q) || contains(i, q.strip().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static boolean contains(LibraryIndicator i, String q) {
        return (i.name() + "|" + i.level1() + "|" + i.level2() + "|" + (i.note() == null ? "" : i.note()))
                .toLowerCase(Locale.ROOT).contains(q);
    }

    private static String level(String text) {
        String s = text.strip();
        return s.endsWith("指标") ? s.substring(0, s.length() - 2) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
