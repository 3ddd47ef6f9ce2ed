package cn.perftarget.validation.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Chinese message with {@code {name}} placeholders, checked against the names its rule provides. */
public record MessageTemplate(String text, List<String> names) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    public static MessageTemplate compile(String text, Set<String> provided) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!provided.contains(m.group(1))) {
                throw new IllegalArgumentException("message placeholder {" + m.group(1) + "} is not provided by this rule; "
                        + "available: " + provided.stream().sorted().toList());
            }
            names.add(m.group(1));
        }
        return new MessageTemplate(text, List.copyOf(names));
    }

    public String render(Map<String, ?> values) {
        if (names.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(Values.display(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
