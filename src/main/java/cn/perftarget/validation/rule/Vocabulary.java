package cn.perftarget.validation.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The vocabulary files in forms/vocabulary (names of categories and their regional spellings, units, indicator
 * words), read from the class path once. Each entry there says where it was seen; the validator only needs the
 * words, so the provenance stays in the files for the people who maintain them.
 */
public final class Vocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private Vocabulary() {
    }

    /** The file forms/vocabulary/{name}.json; an unknown name is a definition problem, reported by the caller. */
    public static JsonNode file(String name) {
        return FILES.computeIfAbsent(name, Vocabulary::read);
    }

    public static boolean exists(String name) {
        return name.matches("[a-z][a-z0-9-]*") && Vocabulary.class.getResource(path(name)) != null;
    }

    /** The {@code words} of a section such as {@code negativeNames} of forms/vocabulary/indicator-semantics.json. */
    public static List<String> words(String file, String section) {
        List<String> out = new ArrayList<>();
        file(file).path(section).path("words").forEach(word -> out.add(word.asText()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("forms/vocabulary/" + file + ".json has no words in \"" + section + "\"");
        }
        return List.copyOf(out);
    }

    private static JsonNode read(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(path(name))) {
            if (in == null) {
                throw new IllegalArgumentException("no vocabulary file forms/vocabulary/" + name + ".json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String name) {
        return "/forms/vocabulary/" + name + ".json";
    }
}
