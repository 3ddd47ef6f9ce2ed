package cn.perftarget.web.api;

import java.util.regex.Pattern;

import cn.perftarget.audit.AuditRecord;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.identity.Role;

/**
 * Audit events as CSV that Excel opens as UTF-8: a byte-order mark, a Chinese header, RFC 4180 quoting, and Chinese
 * labels for action, role and status (the codes stay in the JSON search).
 */
final class AuditCsv {

    /** What makes RFC 4180 quote a cell; found anywhere, whatever other line breaks (U+2028, U+0085) come before. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    private final StringBuilder out = new StringBuilder("\uFEFF")
            .append("编号,申报表,链序号,时间,操作人,角色,部门,年度,操作,原状态,新状态,修订号,意见,等级,详情,哈希\r\n");

    void add(AuditRecord e) {
        Object[] cells = {e.id(), e.declaration(), e.seq(), e.time(), e.actor(), roleLabel(e.role()), e.department(),
                e.year(), e.actionLabel(), statusLabel(e.fromStatus()), statusLabel(e.toStatus()), e.revision(),
                e.comment(), e.grade(), e.details(), e.hash()};
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

    /** A code no longer in the enum (an old event) is shown as stored rather than lost. */
    private static String roleLabel(String code) {
        for (Role role : Role.values()) {
            if (role.name().equals(code)) {
                return role.label();
            }
        }
        return code;
    }

    private static String statusLabel(String code) {
        for (DeclarationStatus status : DeclarationStatus.values()) {
            if (status.name().equals(code)) {
                return status.label();
            }
        }
        return code;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
