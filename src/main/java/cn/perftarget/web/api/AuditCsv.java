package cn.perftarget.web.api;

import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Audit events as CSV that Excel opens as UTF-8: a byte-order mark, a Chinese header, RFC 4180 quoting, and the
 * events in words: people by name, action, role, unit and status by their Chinese names, details as the template
 * names its fields, times in the round's zone with its offset (the codes stay in the JSON search).
 */
final class AuditCsv {

    /** What makes RFC 4180 quote a cell; found anywhere, whatever other line breaks (U+2028, U+0085) come before. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    private final Function<Instant, String> times;

    /** @param times how a time is written: Asia/Shanghai with its offset, 2026-12-05T15:41:31+08:00 */
    AuditCsv(Function<Instant, String> times) {
        this.times = times;
    }

    private final StringBuilder out = new StringBuilder("\uFEFF")
            .append("编号,申报表,链序号,时间,操作人,角色,部门,年度,操作,原状态,新状态,修订号,意见,等级,详情,哈希\r\n");

    void add(AuditEventView view) {
        var e = view.event();
        Object[] cells = {e.id(), e.declaration(), e.seq(), times.apply(e.time()), view.actorName(), view.roleLabel(),
                view.departmentName(), e.year(), e.actionLabel(), view.fromStatusLabel(), view.toStatusLabel(),
                e.revision(), e.comment(), e.grade(), view.detailsText(), e.hash()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells[i]));
        }
        out.append("\r\n");
    }

    private static String quote(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        // A leading =, +, - or @ would make Excel run the cell as a formula; a leading tab or CR lets some
        // spreadsheets skip it and still read what follows as one (OWASP CSV injection).
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return NEEDS_QUOTES.matcher(text).find() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
