package cn.perftarget.validation.semantics;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;

import java.util.Map;
import java.util.Set;

/**
 * Kind {@code dictionary}: {@code field} of each place is an entry of {@code dictionary}; with
 * {@code parentField}, an entry under the parent's entry (二级指标 under its 一级指标). Blank values are left to
 * the required check, and a child is not judged while its parent is not an entry. With {@code "refuse": true}
 * the opposite: the field must not be a category name of the dictionary (a 三级指标 written 社会成本指标).
 */
public final class DictionaryRule implements Rule {

    private final RuleSpec spec;
    private final String field;
    private final String parentField;
    private final Dictionary dictionary;
    private final boolean refuse;

    private DictionaryRule(RuleSpec spec, String field, String parentField, Dictionary dictionary, boolean refuse) {
        this.spec = spec;
        this.field = field;
        this.parentField = parentField;
        this.dictionary = dictionary;
        this.refuse = refuse;
    }

    public static DictionaryRule compile(RuleSpec spec, Map<String, Dictionary> dictionaries) {
        String field = spec.requiredText("field");
        String name = spec.requiredText("dictionary");
        String parentField = spec.optionalText("parentField", null);
        var dictionary = dictionaries.get(name);
        if (dictionary == null) {
            throw spec.problem("dictionary", "dictionary \"" + name + "\" is referenced but not defined under /dictionaries");
        }
        if (parentField != null && !dictionary.hasTwoLevels()) {
            throw spec.problem("parentField", "dictionary \"" + name + "\" has one level; parentField needs two");
        }
        var refuseNode = spec.raw("refuse");
        if (!refuseNode.isMissingNode() && !refuseNode.isBoolean()) {
            throw spec.problem("refuse", "\"refuse\" must be true or false");
        }
        boolean refuse = refuseNode.asBoolean(false);
        if (refuse && parentField != null) {
            throw spec.problem("refuse", "\"refuse\" cannot be combined with parentField");
        }
        spec.provide(Set.of("field", "value", "parent", "allowed", "dictionary"));
        spec.noOtherParameters();
        return new DictionaryRule(spec, field, parentField, dictionary, refuse);
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            String value = Relative.text(place, field);
            if (value == null) {
                continue;
            }
            String pointer = place.pointer() + "/" + Selector.escape(field);
            if (refuse) {
                if (dictionary.isCategoryName(value)) {
                    report(subject, findings, pointer, value, null, String.join("、", dictionary.entries()));
                }
                continue;
            }
            if (parentField == null) {
                if (dictionary.match(value) == null && !dictionary.isWrapper(value)) {
                    report(subject, findings, pointer, value, null, String.join("、", dictionary.entries()));
                }
                continue;
            }
            String parentValue = Relative.text(place, parentField);
            if (parentValue != null && dictionary.isWrapper(parentValue)) {
                if (dictionary.match(value) == null) {
                    report(subject, findings, pointer, value, null, String.join("、", dictionary.entries()));
                }
                continue;
            }
            String parent = parentValue == null ? null : dictionary.match(parentValue);
            if (parent != null && dictionary.matchChild(parent, value) == null) {
                report(subject, findings, pointer, value, parent, String.join("、", dictionary.childrenOf(parent)));
            }
        }
    }

    private void report(Subject subject, Findings findings, String pointer, String value, String parent, String allowed) {
        findings.add(spec, pointer, Map.of("field", subject.name(pointer), "value", value,
                "parent", parent == null ? "" : parent, "allowed", allowed, "dictionary", dictionary.label()));
    }
}
