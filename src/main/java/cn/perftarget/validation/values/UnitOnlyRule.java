package cn.perftarget.validation.values;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import cn.perftarget.validation.rule.Rule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kind {@code unitOnly}: a value that is a unit and nothing else (公里, 万人, ≧ %) is a template's unit left
 * unfilled, not a qualitative phrase: the number is missing. Units are those of forms/vocabulary/units.json.
 */
public final class UnitOnlyRule implements Rule {

    // Operators a template prints before the blank (≥**%), which stay when the filer leaves the number out.
    private static final Pattern OPERATORS = Pattern.compile("[\\s≥≤≧≦<>＜＞=＝]|^(不低于|不少于|不高于|不超过|大于|小于|等于)");

    private final RuleSpec spec;
    private final List<Selector> fields;

    private UnitOnlyRule(RuleSpec spec, List<Selector> fields) {
        this.spec = spec;
        this.fields = fields;
    }

    public static UnitOnlyRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        spec.provide(Set.of("field", "value"));
        spec.noOtherParameters();
        return new UnitOnlyRule(spec, fields);
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                // A digit means a number is there: most values leave here, before any regex runs.
                if (text == null || hasDigit(text)) {
                    continue;
                }
                String rest = OPERATORS.matcher(text).replaceAll("");
                if (!rest.isEmpty() && Units.isUnit(rest)) {
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text));
                }
            }
        }
    }
}
