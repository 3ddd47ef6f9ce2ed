package cn.perftarget.validation;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Subject;

import cn.perftarget.validation.rule.Rule;
import cn.perftarget.validation.rule.RuleSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kind {@code feel}: a cross-field rule written in FEEL. {@code assert} must not be false for each place selected
 * by {@code forEach} (variables {@code item}, {@code key}, {@code doc}, {@code context.year} and the
 * definition's {@code functions}); {@code when} restricts it, {@code args} names
 * FEEL values for the message, {@code path} points the finding below the place. All places are checked in one
 * evaluation, because each call into the engine costs tens of microseconds.
 */
final class FeelRule implements Rule {

    private static final Pattern USES_DOC = Pattern.compile("\\bdoc\\b");

    private final RuleSpec spec;
    private final Feel.Expression expression;
    private final String path;
    private final boolean usesDoc;
    private final Projection item;
    private final Projection doc;

    private FeelRule(RuleSpec spec, Feel.Expression expression, String path, boolean usesDoc, Projection item,
                     Projection doc) {
        this.spec = spec;
        this.expression = expression;
        this.path = path;
        this.usesDoc = usesDoc;
        this.item = item;
        this.doc = doc;
    }

    static FeelRule compile(RuleSpec spec, Map<String, String> functions) {
        String assertion = tried(spec, "assert", parsed(spec, "assert", spec.requiredText("assert")), functions);
        String when = tried(spec, "when", parsed(spec, "when", spec.optionalText("when", "true")), functions);
        String path = spec.optionalText("path", "");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw spec.problem("path", "path must be a JSON Pointer relative to the place, starting with /");
        }
        Map<String, String> args = new LinkedHashMap<>();
        JsonNode argsNode = spec.raw("args");
        argsNode.fields().forEachRemaining(arg -> args.put(arg.getKey(), tried(spec, "args/" + arg.getKey(),
                parsed(spec, "args/" + arg.getKey(), arg.getValue().asText()), functions)));
        var names = new java.util.HashSet<>(args.keySet());
        names.addAll(Set.of("field", "key"));
        spec.provide(names);
        spec.noOtherParameters();

        StringBuilder text = new StringBuilder("{");
        functions.forEach((name, function) -> text.append(name).append(": ").append(function).append(", "));
        // Iterating the list directly: indexing a variable list converts it again on every access.
        text.append("__r: for __e in __entries return {item: __e.item, key: __e.key, ")
                .append("__failed: if (").append(when).append(") = false then false else (").append(assertion).append(") = false, ")
                .append("__args: if __failed then {__x: true");
        args.forEach((name, value) -> text.append(", ").append(name).append(": (").append(value).append(")"));
        text.append("} else null}.__args}.__r");
        String all = text + " " + String.join(" ", functions.values());
        String own = assertion + " " + when + " " + String.join(" ", args.values());
        try {
            return new FeelRule(spec, Feel.parse(text.toString()), path, USES_DOC.matcher(all).find(),
                    Projection.of("item", own), Projection.of("doc", all));
        } catch (IllegalArgumentException e) {
            throw spec.problem("assert", "the rule does not form a valid FEEL expression: " + e.getMessage());
        }
    }

    private static String parsed(RuleSpec spec, String parameter, String text) {
        try {
            Feel.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw spec.problem(parameter, "FEEL expression does not parse: " + e.getMessage());
        }
    }

    /**
     * Evaluates one expression once on an empty place, so that a misspelt function name stops the start-up instead of
     * switching the rule off (the engine reads an unknown function as null). Calls behind a false condition are not
     * reached here; {@link Feel#evaluate} refuses them when a document reaches them.
     */
    private static String tried(RuleSpec spec, String parameter, String text, Map<String, String> functions) {
        StringBuilder trial = new StringBuilder("{");
        functions.forEach((name, function) -> trial.append(name).append(": ").append(function).append(", "));
        trial.append("__v: (").append(text).append(")}.__v");
        Map<String, Object> variables = Map.of("item", Map.of(), "key", "", "doc", Map.of(),
                "context", Map.of("year", 2000));
        String unknown;
        try {
            unknown = Feel.unknownFunction(Feel.parse(trial.toString()), variables);
        } catch (IllegalArgumentException e) {
            return text;   // does not form an expression together with the functions: reported below for the whole rule
        }
        if (unknown != null) {
            throw spec.problem(parameter, "FEEL expression calls a function that does not exist: " + unknown);
        }
        return text;
    }

    @Override
    public void check(Subject subject, Findings findings) {
        var targets = spec.targets(subject);
        if (targets.isEmpty()) {
            return;
        }
        List<Object> entries = new ArrayList<>(targets.size());
        for (var target : targets) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("item", item.apply(target.node()));
            entry.put("key", target.key());
            entries.add(entry);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("__entries", entries);
        variables.put("context", Map.of("year", subject.context().year()));
        if (usesDoc) {
            variables.put("doc", doc.apply(subject.document()));
        }
        List<?> results = (List<?>) Feel.evaluate(expression, variables);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Map<?, ?> args) {
                String pointer = targets.get(i).pointer() + path;
                Map<String, Object> values = new HashMap<>();
                args.forEach((k, v) -> values.put(k.toString(), v));
                values.put("field", subject.name(pointer));
                values.put("key", targets.get(i).key());
                findings.add(spec, pointer, values);
            }
        }
    }
}
