package cn.perftarget.files.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;

/** The committed layout templates, {@code forms/layouts/<key>-v<version>.xlsx} on the classpath, read once. */
@Component
public class Layouts {

    private final Map<String, Optional<Layout>> cache = new ConcurrentHashMap<>();
    private final FormDefinitions forms;

    public Layouts(FormDefinitions forms) {
        this.forms = forms;
    }

    public Optional<Layout> of(FormDefinition definition) {
        String name = definition.key() + "-v" + definition.version();
        return cache.computeIfAbsent(name, Layouts::load);
    }

    /** The layouts of the latest version of every template that has one. */
    public Map<FormDefinition, Layout> latest() {
        var all = new java.util.LinkedHashMap<FormDefinition, Layout>();
        Collection<FormDefinition> definitions = forms.latestVersions();
        definitions.forEach(d -> of(d).ifPresent(l -> all.put(d, l)));
        return all;
    }

    static Optional<Layout> load(String name) {
        try (InputStream in = Layouts.class.getResourceAsStream("/forms/layouts/" + name + ".xlsx")) {
            return in == null ? Optional.empty() : Optional.of(Layout.parse(name, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Layout " + name + " cannot be read", e);
        }
    }
}
