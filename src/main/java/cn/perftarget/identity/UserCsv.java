package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The users CSV of an import: header {@link #HEADER}, optionally followed by {@code enabled}. Roles are separated by
 * {@code |}; the password is plain or a {bcrypt} hash, empty to keep an existing user's. {@code enabled} is
 * {@code true}/{@code false} (or 启用/停用, 是/否); left out or empty, a new user is enabled and an existing one
 * stays as they are, so a re-imported roster never brings back an account an administrator disabled.
 */
final class UserCsv {

    static final List<String> HEADER = List.of("username", "name", "unit", "roles", "password");
    static final String ENABLED = "enabled";

    record Line(int line, UserCommand command) {
    }

    private UserCsv() {
    }

    /** The commands of the good lines; each bad line adds its errors (the header is line 1). */
    static List<Line> read(String csv, List<OrganisationProblem.Error> errors) {
        var rows = Csv.parse(csv);
        var header = rows.isEmpty() ? List.<String>of() : rows.get(0).cells().stream().map(String::strip).toList();
        var withEnabled = new ArrayList<>(HEADER);
        withEnabled.add(ENABLED);
        if (!header.equals(HEADER) && !header.equals(withEnabled)) {
            String expected = String.join(",", HEADER) + "[," + ENABLED + "]";
            throw new OrganisationProblem(OrganisationProblem.Kind.INVALID, "CSV 第 1 行应为表头 " + expected,
                    List.of(new OrganisationProblem.Error(null, 1, "表头应为 " + expected)));
        }
        List<Line> lines = new ArrayList<>();
        for (var row : rows.subList(1, rows.size())) {
            List<Role> roles = new ArrayList<>();
            boolean bad = false;
            for (String name : UnitAdministration.split(row.cell(3))) {
                try {
                    roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    bad = true;
                    errors.add(UserAdministration.error(row.line(), "/roles", "角色“" + name + "”无效，应为 FILER、"
                            + "DEPT_REVIEWER、FINANCE_REVIEWER、EXPERT、AUDITOR、ADMIN，以 | 分隔"));
                }
            }
            String enabledCell = row.cell(5);
            Boolean enabled = enabled(enabledCell);
            if (enabled == null && !enabledCell.isEmpty()) {
                bad = true;
                errors.add(UserAdministration.error(row.line(), "/enabled", "启用（enabled）“" + enabledCell
                        + "”无效，应为 true 或 false（启用、停用），留空则新用户启用、已有用户不变"));
            }
            if (!bad) {
                lines.add(new Line(row.line(), new UserCommand(row.cell(0), row.cell(1),
                        row.cell(2).isEmpty() ? null : row.cell(2), roles, enabled,
                        row.cell(4).isEmpty() ? null : row.cell(4))));
            }
        }
        return lines;
    }

    private static Boolean enabled(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "启用", "是" -> Boolean.TRUE;
            case "false", "停用", "否" -> Boolean.FALSE;
            default -> null;
        };
    }
}
