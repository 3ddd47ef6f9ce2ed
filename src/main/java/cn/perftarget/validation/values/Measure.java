package cn.perftarget.validation.values;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed 指标值: either a number with operator and unit ("≥99%", "≤157.1万元", "30天以内")
 * or a qualitative grade ("定性：较好", "优"). A number without unit has unit "".
 */
public record Measure(Operator operator, BigDecimal number, String unit, String grade) {

    public enum Operator {
        GE("≥"), LE("≤"), EQ("="), GT(">"), LT("<"), NONE("");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    private static final int MAX_UNIT_LENGTH = 10;

    private static final String QUALITATIVE_PREFIX = "定性";

    // Longest forms first, so that 大于等于 is not read as 大于 followed by "等于99".
    private static final String[] OPERATOR_FORMS = {
            "大于等于", "小于等于",
            "不低于", "不少于", "不小于", "不高于", "不超过", "不多于", "不大于",
            ">=", "＞＝", "＞=", ">＝", "<=", "＜＝", "＜=", "<＝",
            "至少", "至多", "等于", "大于", "高于", "超过", "小于", "低于",
            "≥", "≧", "≤", "≦", "=", "＝", ">", "＞", "<", "＜",
    };

    private static final Operator[] OPERATOR_VALUES = {
            Operator.GE, Operator.LE,
            Operator.GE, Operator.GE, Operator.GE, Operator.LE, Operator.LE, Operator.LE, Operator.LE,
            Operator.GE, Operator.GE, Operator.GE, Operator.GE, Operator.LE, Operator.LE, Operator.LE, Operator.LE,
            Operator.GE, Operator.LE, Operator.EQ, Operator.GT, Operator.GT, Operator.GT, Operator.LT, Operator.LT,
            Operator.GE, Operator.GE, Operator.LE, Operator.LE, Operator.EQ, Operator.EQ,
            Operator.GT, Operator.GT, Operator.LT, Operator.LT,
    };

    public Measure {
        Objects.requireNonNull(operator, "operator");
        if ((number == null) == (grade == null)) {
            throw new IllegalArgumentException("exactly one of number and grade must be given");
        }
    }

    public static Optional<Measure> parse(String text, Set<String> grades) {
        if (text == null) {
            return Optional.empty();
        }
        int start = skipSpace(text, 0);
        int end = text.length();
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Optional.empty();
        }
        String trimmed = text.substring(start, end);
        if (trimmed.startsWith(QUALITATIVE_PREFIX)) {
            Measure qualitative = parseQualitative(trimmed);
            if (qualitative != null) {
                return Optional.of(qualitative);
            }
        }
        if (grades != null && grades.contains(trimmed)) {
            return Optional.of(new Measure(Operator.NONE, null, null, trimmed));
        }
        return Optional.ofNullable(parseQuantity(trimmed));
    }

    public boolean isQualitative() {
        return grade != null && number == null;
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }

    public boolean isMetBy(Measure achieved, Operator whenNone) {
        if (whenNone == null || whenNone == Operator.NONE) {
            throw new IllegalArgumentException("whenNone must be a real operator, was " + whenNone);
        }
        if (achieved == null || number == null || achieved.number == null || !unit.equals(achieved.unit)) {
            return false;
        }
        // Only the achieved number counts; an operator written on the achieved value is not a guarantee.
        int cmp = achieved.number.compareTo(number);
        return switch (operator == Operator.NONE ? whenNone : operator) {
            case GE -> cmp >= 0;
            case LE -> cmp <= 0;
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case LT -> cmp < 0;
            case NONE -> throw new AssertionError("unreachable");
        };
    }

    public String display() {
        if (number == null) {
            return grade;
        }
        return operator.symbol() + number.toPlainString() + unit;
    }

    private static Measure parseQualitative(String text) {
        int i = skipSpace(text, QUALITATIVE_PREFIX.length());
        if (i >= text.length() || (text.charAt(i) != ':' && text.charAt(i) != '：')) {
            return null;
        }
        int from = skipSpace(text, i + 1);
        if (from >= text.length()) {
            return null;
        }
        // text is already trimmed at the end, so the rest is the grade as written.
        return new Measure(Operator.NONE, null, null, text.substring(from));
    }

    private static Measure parseQuantity(String text) {
        int length = text.length();
        Operator operator = Operator.NONE;
        int i = 0;
        for (int k = 0; k < OPERATOR_FORMS.length; k++) {
            if (text.startsWith(OPERATOR_FORMS[k])) {
                operator = OPERATOR_VALUES[k];
                i = skipSpace(text, OPERATOR_FORMS[k].length());
                break;
            }
        }

        // Digits are copied as ASCII so BigDecimal never sees full-width forms or separators.
        char[] digits = new char[length + 1];
        int n = 0;
        if (i < length && isMinus(text.charAt(i))) {
            digits[n++] = '-';
            i++;
        }
        int groupStart = i;
        while (i < length && asciiDigit(text.charAt(i)) >= 0) {
            digits[n++] = asciiDigitChar(text.charAt(i));
            i++;
        }
        int firstGroup = i - groupStart;
        if (firstGroup == 0) {
            return null;
        }
        // Thousands separators only in the 1,234,567 shape; anything else stays in the unit and is rejected there.
        if (firstGroup <= 3) {
            while (i < length && text.charAt(i) == ',' && isGroupOfThree(text, i + 1)) {
                for (int k = i + 1; k <= i + 3; k++) {
                    digits[n++] = asciiDigitChar(text.charAt(k));
                }
                i += 4;
            }
        }
        if (i + 1 < length && isDecimalPoint(text.charAt(i)) && asciiDigit(text.charAt(i + 1)) >= 0) {
            digits[n++] = '.';
            i++;
            while (i < length && asciiDigit(text.charAt(i)) >= 0) {
                digits[n++] = asciiDigitChar(text.charAt(i));
                i++;
            }
        }
        BigDecimal number = new BigDecimal(digits, 0, n);

        String unit = text.substring(skipSpace(text, i));
        if (unit.endsWith("以上")) {
            unit = stripEnd(unit, 2);
            if (operator == Operator.NONE) {
                operator = Operator.GE;
            }
        } else if (unit.endsWith("以内") || unit.endsWith("以下")) {
            unit = stripEnd(unit, 2);
            if (operator == Operator.NONE) {
                operator = Operator.LE;
            }
        }
        // One spelling per unit (百分比 is %, 元/人*月 is 元/人·月), so that units compare equal however typed.
        unit = Units.normalize(unit.replace('％', '%'));
        if (!isValidUnit(unit)) {
            return null;
        }
        return new Measure(operator, number, unit, null);
    }

    private static boolean isValidUnit(String unit) {
        if (unit.codePointCount(0, unit.length()) > MAX_UNIT_LENGTH) {
            return false;
        }
        if (unit.equals("%")) {
            return true;
        }
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (Character.isDigit(c) || isForbiddenInUnit(c)) {
                return false;
            }
        }
        return true;
    }

    // Characters that mean the text is a malformed number or a second value rather than a unit.
    private static boolean isForbiddenInUnit(char c) {
        return switch (c) {
            case '%', '.', '．', ',', '，', '-', '－', '−',
                    '≥', '≧', '≤', '≦', '=', '＝', '>', '＞', '<', '＜' -> true;
            default -> false;
        };
    }

    private static String stripEnd(String text, int suffixLength) {
        int end = text.length() - suffixLength;
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    // A fourth digit after the group is left for the unit check, which rejects any digit.
    private static boolean isGroupOfThree(String text, int from) {
        int to = from + 3;
        if (to > text.length()) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (asciiDigit(text.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int asciiDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        return -1;
    }

    private static char asciiDigitChar(char c) {
        return (char) ('0' + asciiDigit(c));
    }

    private static boolean isDecimalPoint(char c) {
        return c == '.' || c == '．';
    }

    private static boolean isMinus(char c) {
        return c == '-' || c == '－' || c == '−';
    }

    // Character.isWhitespace alone misses no-break spaces pasted from Word/Excel.
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
