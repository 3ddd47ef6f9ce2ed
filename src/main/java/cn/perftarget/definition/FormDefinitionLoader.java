package cn.perftarget.definition;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every definition file at a location, refusing the whole set if any file is wrong. */
final class FormDefinitionLoader {

    // Duplicate keys in a definition are almost always a copy-paste slip that would silently drop a field.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** The definitions found at {@code location}, each with the file it came from. */
    Map<String, FormDefinition> load(String location) {
        Map<String, FormDefinition> definitions = new LinkedHashMap<>();
        Map<String, String> fileByKeyAndVersion = new HashMap<>();
        for (Map.Entry<String, Resource> file : resources(location).entrySet()) {
            FormDefinition definition = read(file.getKey(), file.getValue());
            String id = definition.key() + " v" + definition.version();
            String earlier = fileByKeyAndVersion.putIfAbsent(id, file.getKey());
            if (earlier != null) {
                throw new InvalidFormDefinitionException("Form definition " + file.getKey() + " at /key: " + id
                        + " is also defined by " + earlier + "; a published version must have exactly one file", null);
            }
            definitions.put(file.getKey(), definition);
        }
        return definitions;
    }

    /** Keyed by a readable file name; sorted so that start-up behaves the same on every node. */
    private Map<String, Resource> resources(String location) {
        String pattern = location.endsWith("/") ? location + "*.json" : location;
        try {
            Map<String, Resource> byName = new LinkedHashMap<>();
            List<Resource> found = new ArrayList<>(List.of(resolver.getResources(pattern)));
            found.sort(Comparator.comparing(FormDefinitionLoader::name));
            // classpath*: can list one file twice when a directory is on the class path twice
            found.forEach(resource -> byName.putIfAbsent(name(resource), resource));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list form definitions at " + location, e);
        }
    }

    private FormDefinition read(String file, Resource resource) {
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidFormDefinitionException("Form definition " + file + " is not valid JSON" + where
                    + lastPlace(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read form definition " + file, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidFormDefinitionException("Form definition " + file + " is empty", null);
        }
        try {
            return new DefinitionChecker(root).check();
        } catch (DefinitionProblem problem) {
            throw new InvalidFormDefinitionException("Form definition " + file + " at " + problem.place() + ": "
                    + problem.getMessage(), problem);
        }
    }

    /** The JSON Pointer of the value the parser was at when it gave up, e.g. ", after /rules/3/kind", if any. */
    private static String lastPlace(JacksonException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            return pointer.isEmpty() ? "" : ", after " + pointer;
        }
        return "";
    }

    private static String name(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}
