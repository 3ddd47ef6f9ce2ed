package cn.perftarget.files.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads cells the way clerks' sheets hold them: numbers typed as text, {@code 100%} stored as 1 with a percent
 * format, dates as serial numbers, full-width digits and stray spaces. Values come back as the clerk sees them.
 */
final class CellValues {

    /** What a sheet prints for "not given". */
    private static final Set<String> BLANKS = Set.of("－", "-", "—", "–", "/", "／", "无");

    private CellValues() {
    }

    /** A raw cell value: the text, or a number with how it is formatted. */
    record Raw(String text, Double number, boolean percent, boolean date) {

        boolean blank() {
            return number == null && (text == null || text.isEmpty());
        }
    }

    static Raw raw(Cell cell) {
        if (cell == null) {
            return new Raw(null, null, false, false);
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> new Raw(null, cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormatString().contains("%"), DateUtil.isCellDateFormatted(cell));
            case STRING -> new Raw(clean(cell.getStringCellValue()), null, false, false);
            case BOOLEAN -> new Raw(cell.getBooleanCellValue() ? "是" : "否", null, false, false);
            default -> new Raw(null, null, false, false);
        };
    }

    /** Trims ordinary, non-breaking and ideographic spaces and turns full-width digits into ASCII ones. */
    static String clean(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '\u00a0' ? ' ' : c);
        }
        return out.toString().strip().replaceAll("^[\\s\u3000]+|[\\s\u3000]+$", "");
    }

    /** The text a string field gets: numbers as written (85916419, 98%), dates as ISO dates. */
    static String asText(Raw raw) {
        if (raw.number() != null) {
            if (raw.date()) {
                LocalDateTime date = DateUtil.getLocalDateTime(raw.number());
                return date.toLocalDate().toString();
            }
            BigDecimal value = BigDecimal.valueOf(raw.number());
            return raw.percent() ? plain(value.movePointRight(2)) + "%" : plain(value);
        }
        return raw.text() == null || raw.text().isEmpty() ? null : raw.text();
    }

    /**
     * The number a number field gets, or null for a blank (also {@code －}); percent-formatted cells give the
     * percentage they show.
     *
     * @throws NumberFormatException with a Chinese message when the cell holds no number
     */
    static BigDecimal asNumber(Raw raw) {
        if (raw.number() != null) {
            if (raw.date()) {
                throw new NumberFormatException("应为数字，实际为日期 " + asText(raw));
            }
            BigDecimal value = BigDecimal.valueOf(raw.number());
            return raw.percent() ? value.movePointRight(2) : value;
        }
        if (raw.blank() || BLANKS.contains(raw.text())) {
            return null;
        }
        String text = raw.text().replace('．', '.').replace('－', '-').replace('＋', '+').replace('％', '%')
                .replaceAll("[\\s,，]", "").replaceFirst("(万元|元|%)$", "");
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("应为数字，实际为“" + raw.text() + "”");
        }
    }

    /** A whole number; a date cell gives its year (a 年度 typed as a date), {@code 2020年} gives 2020. */
    static Integer asInteger(Raw raw) {
        if (raw.number() != null && raw.date()) {
            return DateUtil.getLocalDateTime(raw.number()).getYear();
        }
        BigDecimal value = asNumber(raw.number() == null && raw.text() != null
                ? new Raw(raw.text().replaceFirst("年度?$", ""), null, false, false) : raw);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("应为整数，实际为“" + plain(value) + "”");
        }
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
