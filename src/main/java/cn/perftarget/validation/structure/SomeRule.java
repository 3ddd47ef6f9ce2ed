package cn.perftarget.validation.structure;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code some}: each place has at least one item in {@code list} whose {@code field} starts with one of
 * {@code startsWith} (a goal has a 产出 indicator). A place whose list is missing is left to the required check.
 */
public final class SomeRule implements Rule {

    private final RuleSpec spec;
    private final Selector list;
    private final String field;
    private final List<String> prefixes;
    private final String path;

    private SomeRule(RuleSpec spec, Selector list, String field, List<String> prefixes, String path) {
        this.spec = spec;
        this.list = list;
        this.field = field;
        this.prefixes = prefixes;
        this.path = path;
    }

    public static SomeRule compile(RuleSpec spec) {
        var list = Relative.selector(spec, "list", "indicators/*");
        String field = spec.requiredText("field");
        var prefixes = spec.texts("startsWith", List.of());
        if (prefixes.isEmpty()) {
            throw spec.problem("startsWith", "startsWith needs at least one prefix");
        }
        String path = spec.optionalText("path", "");
        spec.provide(Set.of("field", "prefix", "title"));
        spec.noOtherParameters();
        return new SomeRule(spec, list, field, prefixes, path);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var items = list.selectFrom(place);
            if (items.isEmpty() && place.node().at(listRoot()).isMissingNode()) {
                continue;
            }
            boolean found = items.stream().map(item -> Relative.text(item, field))
                    .anyMatch(value -> value != null && prefixes.stream().anyMatch(value::startsWith));
            if (!found) {
                String pointer = place.pointer() + path;
                String title = Relative.text(place, "title");
                findings.add(spec, pointer, Map.of("field", subject.name(pointer), "prefix", String.join("、", prefixes),
                        "title", title == null ? "" : title));
            }
        }
    }

    private String listRoot() {
        return list.segments().isEmpty() ? "" : "/" + list.segments().get(0);
    }
}
