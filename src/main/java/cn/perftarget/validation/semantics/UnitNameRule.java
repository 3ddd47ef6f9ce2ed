package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;
import cn.perftarget.validation.rule.Vocabulary;
import cn.perftarget.validation.values.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code unitName}: the value's unit belongs to the family (量纲) the indicator's name implies: the unit the
 * name carries (受益人口数(≥**户), 村组干部230人), else the one its ending implies (…人次, …户数, …面积; the
 * {@code nameUnits} of forms/vocabulary/indicator-semantics.json). A count of people in 个 or person-times in 人/次
 * contradicts the name. Meant as a warning; units the vocabulary does not know are not judged.
 */
public final class UnitNameRule implements Rule {

    private record Ending(String ending, List<String> families) {
    }

    private final RuleSpec spec;
    private final Selector value;
    private final String nameField;
    private final List<Ending> endings;

    private UnitNameRule(RuleSpec spec, Selector value, String nameField, List<Ending> endings) {
        this.spec = spec;
        this.value = value;
        this.nameField = nameField;
        this.endings = endings;
    }

    public static UnitNameRule compile(RuleSpec spec) {
        var value = Relative.selector(spec, "field", "value");
        String nameField = spec.optionalText("nameField", "name");
        List<Ending> endings = new ArrayList<>();
        Vocabulary.file("indicator-semantics").path("nameUnits").path("endings").forEach(e -> {
            List<String> families = new ArrayList<>();
            e.path("families").forEach(f -> families.add(f.asText()));
            endings.add(new Ending(e.path("ending").asText(), List.copyOf(families)));
        });
        spec.provide(Set.of("field", "value", "name", "unit", "expected"));
        spec.noOtherParameters();
        return new UnitNameRule(spec, value, nameField, List.copyOf(endings));
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            String name = Relative.text(place, nameField);
            if (name == null) {
                continue;
            }
            for (var found : value.selectFrom(place)) {
                String text = Values.text(found.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure == null || measure.isQualitative() || measure.unit().isEmpty()) {
                    continue;
                }
                String expected = contradicted(name, measure.unit());
                if (expected != null) {
                    findings.add(spec, found.pointer(), Map.of("field", subject.name(found.pointer()), "value", text,
                            "name", name, "unit", measure.unit(), "expected", expected));
                }
            }
        }
    }

    /** What the name implies, when the unit contradicts it; null when they agree or either is unknown. */
    private String contradicted(String name, String unit) {
        String family = Units.family(unit);
        String carried = Units.ofName(name);
        if (carried != null) {
            String expected = Units.family(carried);
            return expected != null && family != null && !expected.equals(family) ? "“" + carried + "”" : null;
        }
        String stripped = Units.withoutTrailingBracket(name);
        for (Ending ending : endings) {
            if (stripped.endsWith(ending.ending())) {
                // 人/次 is people per time, not 人次: a compound unit never counts what a count-word names.
                boolean agrees = !Units.isCompound(unit) && family != null && ending.families().contains(family);
                boolean known = family != null || Units.isCompound(unit);
                return known && !agrees ? String.join("或", ending.families()) + "（名称以“" + ending.ending() + "”结尾）" : null;
            }
        }
        return null;
    }
}
