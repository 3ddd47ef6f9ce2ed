package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;
import cn.perftarget.validation.rule.Vocabulary;
import cn.perftarget.validation.values.Qualitative;
import cn.perftarget.validation.values.Units;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kind {@code qualitativeQuantity}: a qualitative value (a grade, a phrase, 定性：…) for an indicator that is plainly
 * a quantity: its name ends with a word of {@code nameEndings} (a section of forms/vocabulary/indicator-semantics.json:
 * 率, 人数, 面积 …), its name carries a unit (成活率(%)), or one of {@code numericFields} (近两年, 预期) is a number.
 * Meant as a warning: 定性 targets are allowed, but a measured quantity given as 很高 cannot be checked at year end.
 */
public final class QualitativeQuantityRule implements Rule {

    private final RuleSpec spec;
    private final Selector value;
    private final String nameField;
    private final List<Selector> numericFields;
    private final List<String> endings;
    private final Set<String> grades;
    private final List<Pattern> phrases;

    private QualitativeQuantityRule(RuleSpec spec, Selector value, String nameField, List<Selector> numericFields,
                                    List<String> endings, Set<String> grades, List<Pattern> phrases) {
        this.spec = spec;
        this.value = value;
        this.nameField = nameField;
        this.numericFields = numericFields;
        this.endings = endings;
        this.grades = grades;
        this.phrases = phrases;
    }

    public static QualitativeQuantityRule compile(RuleSpec spec) {
        var value = Relative.selector(spec, "field", "value");
        String nameField = spec.optionalText("nameField", "name");
        var numericFields = Relative.selectors(spec, "numericFields", List.of());
        String section = spec.optionalText("nameEndings", "quantitativeNameEndings");
        List<String> endings;
        try {
            endings = Vocabulary.words("indicator-semantics", section);
        } catch (IllegalArgumentException e) {
            throw spec.problem("nameEndings", e.getMessage());
        }
        var grades = Set.copyOf(spec.texts("grades", List.of()));
        var phrases = spec.patterns("phrases");
        spec.provide(Set.of("field", "value", "name", "reason"));
        spec.noOtherParameters();
        return new QualitativeQuantityRule(spec, value, nameField, numericFields, endings, grades, phrases);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            var found = value.selectFrom(place);
            String text = found.isEmpty() ? null : Values.text(found.get(0).node());
            if (text == null || !Qualitative.is(subject, text, grades, phrases)) {
                continue;
            }
            String name = Relative.text(place, nameField);
            String reason = reason(subject, place, name);
            if (reason != null) {
                String pointer = found.get(0).pointer();
                findings.add(spec, pointer, Map.of("field", subject.name(pointer), "value", text,
                        "name", name == null ? "（未填）" : name, "reason", reason));
            }
        }
    }

    private String reason(Subject subject, Selector.Target place, String name) {
        if (name != null) {
            String unit = Units.ofName(name);
            if (unit != null) {
                return "名称写明了单位“" + unit + "”";
            }
            String stripped = Units.withoutTrailingBracket(name);
            for (String ending : endings) {
                if (stripped.endsWith(ending)) {
                    return "名称以“" + ending + "”结尾";
                }
            }
        }
        for (var other : Relative.select(numericFields, place)) {
            String text = Values.text(other.node());
            var measure = text == null ? null : subject.measure(text).orElse(null);
            if (measure != null && !measure.isQualitative()) {
                return "近两年或预期值“" + text + "”是数值";
            }
        }
        return null;
    }
}
