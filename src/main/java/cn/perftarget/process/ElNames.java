package cn.perftarget.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The expressions ({@code ${…}} and {@code #{…}}) in a piece of model text, and the names each one reads at its
 * top level. Not a full EL parser: enough to find the identifiers an expression resolves against beans and
 * variables, which is what can go wrong in a model a bureau edits (a misspelt bean, a variable nobody sets).
 * A name after '.' is a property or method of what precedes it; names inside string literals are text.
 */
final class ElNames {

    /** An expression as written (for messages) and its body; {@code closed} is false when its '}' is missing. */
    record Expression(String text, String body, boolean closed) {
    }

    enum Kind {
        /** followed by '.': something with properties or methods, which must be a bean */
        OBJECT,
        /** followed by '(': a function of the expression language */
        FUNCTION,
        /** a bean or variable read as a value */
        VALUE
    }

    record Name(String name, Kind kind) {
    }

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    private ElNames() {
    }

    static List<Expression> expressions(String text) {
        List<Expression> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = nextStart(text, from);
            if (start < 0) {
                return found;
            }
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                found.add(new Expression(text.substring(start), text.substring(start + 2), false));
                return found;
            }
            found.add(new Expression(text.substring(start, end + 1), text.substring(start + 2, end), true));
            from = end + 1;
        }
    }

    static List<Name> names(String body) {
        List<Name> names = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                i = afterString(body, i);
            } else if (Character.isDigit(c)) {
                // 12, 1.5, 1e3: a number, not a name, even where letters follow its digits
                while (i < n && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(body.charAt(i))) {
                    i++;
                }
                String word = body.substring(start, i);
                if (previous(body, start) == '.' || KEYWORDS.contains(word)) {
                    continue;
                }
                char next = next(body, i);
                names.add(new Name(word, next == '.' ? Kind.OBJECT : next == '(' ? Kind.FUNCTION : Kind.VALUE));
            } else {
                i++;
            }
        }
        return names;
    }

    private static int nextStart(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        if (dollar < 0) {
            return hash;
        }
        return hash < 0 ? dollar : Math.min(dollar, hash);
    }

    /** The '}' that closes an expression whose body starts at {@code from}, skipping string literals and maps. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = afterString(text, i) - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The index after the literal that starts at {@code quote} (EL escapes its quotes with a backslash). */
    private static int afterString(String text, int quote) {
        char q = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static char previous(String text, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static char next(String text, int index) {
        for (int i = index; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }
}
