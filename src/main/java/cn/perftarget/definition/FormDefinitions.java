package cn.perftarget.definition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The form templates known to this application, loaded once at start-up from
 * {@link FormsProperties#location()}. A bad file stops the start-up with a message naming the file and the
 * place in it.
 */
@Component
public class FormDefinitions {

    private static final Logger log = LoggerFactory.getLogger(FormDefinitions.class);

    private final Map<String, NavigableMap<Integer, FormDefinition>> byKey = new TreeMap<>();

    public FormDefinitions(FormsProperties properties, List<DefinitionCheck> checks) {
        new FormDefinitionLoader().load(properties.location()).forEach((file, definition) -> {
            for (DefinitionCheck check : checks) {
                try {
                    check.verify(definition);
                } catch (DefinitionProblem problem) {
                    throw new InvalidFormDefinitionException("Form definition " + file + " at " + problem.place()
                            + ": " + problem.getMessage(), problem);
                }
            }
            byKey.computeIfAbsent(definition.key(), k -> new TreeMap<>()).put(definition.version(), definition);
        });
        if (byKey.isEmpty()) {
            log.warn("No form definitions found at {}", properties.location());
        } else {
            log.info("Loaded form definitions from {}: {}", properties.location(),
                    byKey.values().stream().flatMap(m -> m.values().stream()).map(d -> d.key() + " v" + d.version()).toList());
        }
    }

    /** The highest version of the template with this key. */
    public Optional<FormDefinition> latest(String key) {
        return Optional.ofNullable(byKey.get(key)).map(versions -> versions.lastEntry().getValue());
    }

    /**
     * The version a new declaration of this budget year uses: the highest one whose {@code years} include the
     * year (a version without {@code years} serves every year). Empty when the key is unknown or no version
     * serves the year.
     */
    public Optional<FormDefinition> forYear(String key, int year) {
        return Optional.ofNullable(byKey.get(key)).flatMap(versions -> versions.descendingMap().values().stream()
                .filter(definition -> definition.servesYear(year))
                .findFirst());
    }

    /** Whether any version of the template has this key. */
    public boolean exists(String key) {
        return byKey.containsKey(key);
    }

    /** One exact version, as pinned by a declaration. */
    public Optional<FormDefinition> find(String key, int version) {
        return Optional.ofNullable(byKey.get(key)).map(versions -> versions.get(version));
    }

    /** The highest version of every template, sorted by key. */
    public List<FormDefinition> latestVersions() {
        return byKey.values().stream()
                .map(versions -> versions.lastEntry().getValue())
                .sorted(Comparator.comparing(FormDefinition::key))
                .toList();
    }
}
