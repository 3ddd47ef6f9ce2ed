package cn.perftarget.validation;

import cn.perftarget.validation.funds.EqualRule;
import cn.perftarget.validation.funds.ShareBlankRule;
import cn.perftarget.validation.funds.ShareRule;
import cn.perftarget.validation.funds.ShareTotalRule;
import cn.perftarget.validation.funds.SumRule;
import cn.perftarget.validation.rule.Labels;
import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.semantics.Dictionary;
import cn.perftarget.validation.semantics.DictionaryRule;
import cn.perftarget.validation.semantics.NegativeDirectionRule;
import cn.perftarget.validation.semantics.QualitativeQuantityRule;
import cn.perftarget.validation.semantics.UnitNameRule;
import cn.perftarget.validation.semantics.ZeroQuantityRule;
import cn.perftarget.validation.structure.PatternRule;
import cn.perftarget.validation.structure.PlaceholderRule;
import cn.perftarget.validation.structure.SomeRule;
import cn.perftarget.validation.structure.UniqueRule;
import cn.perftarget.validation.values.DateSerialRule;
import cn.perftarget.validation.values.DeviationRule;
import cn.perftarget.validation.values.MinimumRule;
import cn.perftarget.validation.values.PercentRangeRule;
import cn.perftarget.validation.values.QuantifyRule;
import cn.perftarget.validation.values.SameUnitRule;
import cn.perftarget.validation.values.TargetMetRule;
import cn.perftarget.validation.values.UnitOnlyRule;
import cn.perftarget.validation.values.ValueFormatRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;
import cn.perftarget.definition.FormDefinition;

/** Turns the {@code dictionaries}, {@code functions} and {@code rules} of a definition into a {@link RuleSet}. */
final class RuleCompiler {

    private RuleCompiler() {
    }

    static RuleSet compile(FormDefinition definition) {
        JsonNode source = definition.source();
        var dictionaries = dictionaries(source.path("dictionaries"));
        var functions = functions(source.path("functions"));
        JsonNode rulesNode = source.path("rules");
        if (!rulesNode.isMissingNode() && !rulesNode.isArray()) {
            throw new DefinitionProblem("/rules", "rules must be a list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            var spec = new RuleSpec(rulesNode.get(i), "/rules/" + i);
            if (!ids.add(spec.id())) {
                throw new DefinitionProblem(spec.place() + "/id", "rule id \"" + spec.id() + "\" is used twice");
            }
            rules.add(rule(spec, dictionaries, functions));
        }
        JsonNode schema = definition.documentSchema();
        cn.perftarget.validation.Scoring.check(definition);
        return new RuleSet(schema, new Labels(schema), List.copyOf(rules));
    }

    private static Rule rule(RuleSpec spec, Map<String, Dictionary> dictionaries, Map<String, String> functions) {
        return switch (spec.kind()) {
            case "feel" -> FeelRule.compile(spec, functions);
            case "dictionary" -> DictionaryRule.compile(spec, dictionaries);
            case "valueFormat" -> ValueFormatRule.compile(spec);
            case "percentRange" -> PercentRangeRule.compile(spec);
            case "sameUnit" -> SameUnitRule.compile(spec);
            case "targetMet" -> TargetMetRule.compile(spec);
            case "minimum" -> MinimumRule.compile(spec);
            case "unique" -> UniqueRule.compile(spec);
            case "some" -> SomeRule.compile(spec);
            case "placeholder" -> PlaceholderRule.compile(spec);
            case "pattern" -> PatternRule.compile(spec);
            case "sum" -> SumRule.compile(spec);
            case "equal" -> EqualRule.compile(spec);
            case "share" -> ShareRule.compile(spec);
            case "shareBlank" -> ShareBlankRule.compile(spec);
            case "shareTotal" -> ShareTotalRule.compile(spec);
            case "quantify" -> QuantifyRule.compile(spec);
            case "dateSerial" -> DateSerialRule.compile(spec);
            case "unitOnly" -> UnitOnlyRule.compile(spec);
            case "qualitativeQuantity" -> QualitativeQuantityRule.compile(spec);
            case "negativeDirection" -> NegativeDirectionRule.compile(spec);
            case "unitName" -> UnitNameRule.compile(spec);
            case "zeroQuantity" -> ZeroQuantityRule.compile(spec);
            case "deviation" -> DeviationRule.compile(spec);
            default -> throw new DefinitionProblem(spec.place() + "/kind", "unknown rule kind \"" + spec.kind()
                    + "\"; known: feel, dictionary, valueFormat, percentRange, sameUnit, targetMet, minimum, unique, some, "
                    + "placeholder, pattern, sum, equal, share, shareBlank, shareTotal, quantify, dateSerial, unitOnly, "
                    + "qualitativeQuantity, negativeDirection, unitName, zeroQuantity, deviation");
        };
    }

    private static Map<String, Dictionary> dictionaries(JsonNode node) {
        Map<String, Dictionary> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> out.put(entry.getKey(),
                Dictionary.parse(entry.getKey(), entry.getValue(), "/dictionaries/" + Selector.escape(entry.getKey()))));
        return out;
    }

    /** Named FEEL functions shared by the definition's rules, e.g. {@code "n": "function(x) if x = null then 0 else x"}. */
    private static Map<String, String> functions(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String place = "/functions/" + Selector.escape(entry.getKey());
            if (!entry.getKey().matches("[a-z][A-Za-z0-9]*")) {
                throw new DefinitionProblem(place, "function name \"" + entry.getKey() + "\" must be a simple identifier");
            }
            try {
                Feel.parse(entry.getValue().asText());
            } catch (IllegalArgumentException e) {
                throw new DefinitionProblem(place, "FEEL function does not parse: " + e.getMessage());
            }
            out.put(entry.getKey(), entry.getValue().asText());
        });
        return out;
    }
}
