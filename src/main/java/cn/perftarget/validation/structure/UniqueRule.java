package cn.perftarget.validation.structure;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Kind {@code unique}: within each place, {@code field} of the items in {@code list} is not repeated. */
public final class UniqueRule implements Rule {

    private final RuleSpec spec;
    private final Selector list;
    private final String field;

    private UniqueRule(RuleSpec spec, Selector list, String field) {
        this.spec = spec;
        this.list = list;
        this.field = field;
    }

    public static UniqueRule compile(RuleSpec spec) {
        var list = Relative.selector(spec, "list", "indicators/*");
        String field = spec.requiredText("field");
        spec.provide(Set.of("field", "value", "first"));
        spec.noOtherParameters();
        return new UniqueRule(spec, list, field);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            Map<String, String> firstSeen = new HashMap<>();
            for (var item : list.selectFrom(place)) {
                String value = Relative.text(item, field);
                if (value == null) {
                    continue;
                }
                String pointer = item.pointer() + "/" + Selector.escape(field);
                String first = firstSeen.putIfAbsent(value, pointer);
                if (first != null) {
                    findings.add(spec, pointer, Map.of("field", subject.name(pointer), "value", value,
                            "first", subject.name(first)));
                }
            }
        }
    }
}
