package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;
import cn.perftarget.validation.rule.Vocabulary;
import cn.perftarget.validation.values.Measure;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code negativeDirection}: an indicator whose name holds a word of {@code words} (a section of
 * forms/vocabulary/indicator-semantics.json: 逾期率, 差错率, 投诉率 …) is better the lower it is, so a lower bound
 * (≥, >, 不低于, 以上) reverses it. Meant as a warning.
 */
public final class NegativeDirectionRule implements Rule {

    private final RuleSpec spec;
    private final Selector value;
    private final String nameField;
    private final List<String> words;

    private NegativeDirectionRule(RuleSpec spec, Selector value, String nameField, List<String> words) {
        this.spec = spec;
        this.value = value;
        this.nameField = nameField;
        this.words = words;
    }

    public static NegativeDirectionRule compile(RuleSpec spec) {
        var value = Relative.selector(spec, "field", "value");
        String nameField = spec.optionalText("nameField", "name");
        String section = spec.optionalText("words", "negativeNames");
        List<String> words;
        try {
            words = Vocabulary.words("indicator-semantics", section);
        } catch (IllegalArgumentException e) {
            throw spec.problem("words", e.getMessage());
        }
        spec.provide(Set.of("field", "value", "name", "word"));
        spec.noOtherParameters();
        return new NegativeDirectionRule(spec, value, nameField, words);
    }

    private String wordIn(String name) {
        for (String word : words) {
            if (name.contains(word)) {
                return word;
            }
        }
        return null;
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            String name = Relative.text(place, nameField);
            String word = name == null ? null : wordIn(name);
            if (word == null) {
                continue;
            }
            for (var found : value.selectFrom(place)) {
                String text = Values.text(found.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure != null && !measure.isQualitative()
                        && (measure.operator() == Measure.Operator.GE || measure.operator() == Measure.Operator.GT)) {
                    findings.add(spec, found.pointer(), Map.of("field", subject.name(found.pointer()), "value", text,
                            "name", name, "word", word));
                }
            }
        }
    }
}
