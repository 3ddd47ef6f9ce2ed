package cn.perftarget.validation.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cn.perftarget.definition.DefinitionProblem;

/**
 * The part every rule of a definition has: a stable id, a severity, a message template and the places it
 * looks at ({@code forEach}); plus typed access to its kind's own parameters, failing with the rule's place in
 * the file.
 */
public final class RuleSpec {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

    private final JsonNode node;
    private final String place;
    private final String id;
    private final String kind;
    private final boolean warning;
    private final List<Selector> forEach;
    private final Set<String> used = new HashSet<>(Set.of("id", "kind", "severity", "message", "forEach", "description",
            "basis", "why"));
    private final String basis;
    private final String why;
    private MessageTemplate message;

    public RuleSpec(JsonNode node, String place) {
        this.node = node;
        this.place = place;
        if (!node.isObject()) {
            throw new DefinitionProblem(place, "a rule must be a JSON object");
        }
        this.id = requiredText("id");
        if (!ID.matcher(id).matches()) {
            throw new DefinitionProblem(place + "/id", "rule id \"" + id + "\" must look like funds.total-sum");
        }
        this.kind = requiredText("kind");
        String severity = node.path("severity").asText("error");
        if (!severity.equals("error") && !severity.equals("warning")) {
            throw new DefinitionProblem(place + "/severity", "severity must be \"error\" or \"warning\", not \"" + severity + "\"");
        }
        this.warning = severity.equals("warning");
        requiredText("message");
        this.forEach = selectors("forEach", List.of(""));
        this.basis = optionalText("basis", null);
        this.why = optionalText("why", null);
    }

    /** Compiles the message against the placeholders this rule's kind provides. */
    public void provide(Set<String> names) {
        try {
            message = MessageTemplate.compile(node.get("message").asText(), names);
        } catch (IllegalArgumentException e) {
            throw new DefinitionProblem(place + "/message", e.getMessage());
        }
    }

    /** Refuses parameters the kind does not know, so that a misspelt one cannot silently switch a check off. */
    public void noOtherParameters() {
        node.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                throw new DefinitionProblem(place + "/" + name, "rule kind \"" + kind + "\" has no parameter \"" + name + "\"");
            }
        });
    }

    public String requiredText(String name) {
        used.add(name);
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DefinitionProblem(place + "/" + name, "\"" + name + "\" is missing or not a non-blank string");
        }
        return value.asText();
    }

    public String optionalText(String name, String fallback) {
        used.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new DefinitionProblem(place + "/" + name, "\"" + name + "\" must be a string");
        }
        return value.asText();
    }

    public double number(String name, double fallback) {
        used.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new DefinitionProblem(place + "/" + name, "\"" + name + "\" must be a number");
        }
        return value.doubleValue();
    }

    public List<String> texts(String name, List<String> fallback) {
        used.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (value.isTextual()) {
            out.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new DefinitionProblem(place + "/" + name, "\"" + name + "\" must hold strings only");
                }
                out.add(item.asText());
            }
        } else {
            throw new DefinitionProblem(place + "/" + name, "\"" + name + "\" must be a string or a list of strings");
        }
        return List.copyOf(out);
    }

    /** Regular expressions, each matched against the whole text. */
    public List<Pattern> patterns(String name) {
        List<Pattern> out = new ArrayList<>();
        for (String regex : texts(name, List.of())) {
            try {
                out.add(Pattern.compile(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new DefinitionProblem(place + "/" + name, "not a regular expression: " + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    public List<Selector> selectors(String name, List<String> fallback) {
        List<Selector> out = new ArrayList<>();
        for (String pattern : texts(name, fallback)) {
            try {
                out.add(Selector.of(pattern));
            } catch (IllegalArgumentException e) {
                throw new DefinitionProblem(place + "/" + name, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    public JsonNode raw(String name) {
        used.add(name);
        return node.path(name);
    }

    public DefinitionProblem problem(String parameter, String message) {
        return new DefinitionProblem(place + "/" + parameter, message);
    }

    /** Every place of the document this rule looks at. */
    public List<Selector.Target> targets(Subject subject) {
        return subject.targets(forEach);
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    /** What the rule rests on (财预〔2021〕101号, 模板备注, 通行做法), shown with each finding; null if not given. */
    public String basis() {
        return basis;
    }

    /** For a warning, why a reviewer would care; null if not given. */
    public String why() {
        return why;
    }

    public boolean isWarning() {
        return warning;
    }

    public MessageTemplate message() {
        return message;
    }

    public String place() {
        return place;
    }
}
