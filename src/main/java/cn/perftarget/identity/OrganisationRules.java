package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What makes a unit or a user valid within the organisation it is checked against; each problem names its field. */
final class OrganisationRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    static final int MIN_PASSWORD = 8;
    /** bcrypt reads no more than 72 bytes of a password (Spring Security refuses more): UTF-8, so 24 汉字. */
    static final int MAX_PASSWORD_BYTES = UserCommand.MAX_PASSWORD_BYTES;

    private OrganisationRules() {
    }

    record Problem(String path, String message) {
    }

    /** Problems of {@code unit} among {@code units} (which already hold it); {@code before} is the unit as it was. */
    static List<Problem> unit(Unit unit, Unit before, Map<String, Unit> units) {
        List<Problem> problems = new ArrayList<>();
        if (before == null && (unit.code() == null || !CODE.matcher(unit.code()).matches())) {
            problems.add(new Problem("/code", "单位代码“" + unit.code() + "”无效：应为 1–50 位字母、数字、- 或 _"));
        }
        if (unit.name() == null || unit.name().isBlank() || unit.name().length() > 200) {
            problems.add(new Problem("/name", "单位名称（name）不能为空，且不超过 200 字"));
        }
        if (unit.kind() == null) {
            problems.add(new Problem("/kind", "单位类别（kind）应为 DEPARTMENT、SUB_UNIT、FINANCE_SECTION 或 PERFORMANCE_SECTION"));
            return problems;
        }
        if (before != null && before.kind() != unit.kind()) {
            problems.add(new Problem("/kind", "单位 " + unit.code() + " 的类别不能由“" + before.kind().label() + "”改为“"
                    + unit.kind().label() + "”"));
        }
        if (unit.kind() == UnitKind.SUB_UNIT) {
            var parent = unit.parent() == null ? null : units.get(unit.parent());
            if (parent == null || !parent.kind().files()) {
                problems.add(new Problem("/parent", "二级单位须有上级单位（parent）：已有的主管部门或二级单位，“"
                        + unit.parent() + "”不是"));
            } else if (under(parent.code(), unit.code(), units)) {
                problems.add(new Problem("/parent", "不能把单位 " + unit.code() + " 移到它自己的下级单位 " + parent.code() + " 之下"));
            }
        } else if (unit.parent() != null) {
            problems.add(new Problem("/parent", unit.kind().label() + "没有上级单位（parent 应为空）"));
        }
        if (!unit.oversees().isEmpty() && unit.kind() != UnitKind.FINANCE_SECTION) {
            problems.add(new Problem("/oversees", "只有财政业务科室有归口的主管部门（oversees）"));
        }
        for (String department : unit.oversees()) {
            var target = units.get(department);
            if (target == null || target.kind() != UnitKind.DEPARTMENT) {
                problems.add(new Problem("/oversees", "归口单位“" + department + "”不是已有的主管部门"));
            }
        }
        return problems;
    }

    private static boolean under(String code, String ancestor, Map<String, Unit> units) {
        var seen = new HashSet<String>();
        for (var unit = units.get(code); unit != null && seen.add(unit.code());
             unit = unit.parent() == null ? null : units.get(unit.parent())) {
            if (unit.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** Problems of a user's fields against the units; {@code creating}: the username and a password are required. */
    static List<Problem> user(UserCommand user, boolean creating, Map<String, Unit> units) {
        List<Problem> problems = new ArrayList<>();
        if (creating && (user.username() == null || !USERNAME.matcher(user.username()).matches())) {
            problems.add(new Problem("/username", "用户名“" + user.username() + "”无效：应为 1–100 位字母、数字或 . _ @ -"));
        }
        if (user.name() == null || user.name().isBlank() || user.name().length() > 200) {
            problems.add(new Problem("/name", "姓名（name）不能为空，且不超过 200 字"));
        }
        if (user.roles().isEmpty() || user.roles().contains(Role.SYSTEM)) {
            problems.add(new Problem("/roles", "角色（roles）至少一个：FILER、DEPT_REVIEWER、FINANCE_REVIEWER、EXPERT、AUDITOR、ADMIN"));
        }
        var unit = user.unit() == null || user.unit().isBlank() ? null : units.get(user.unit());
        if (user.unit() != null && !user.unit().isBlank() && unit == null) {
            problems.add(new Problem("/unit", "单位“" + user.unit() + "”不存在"));
        } else {
            for (Role role : user.roles()) {
                String need = needs(role, unit);
                if (need != null) {
                    problems.add(new Problem("/unit", "角色 " + role + "（" + role.label() + "）须属于" + need
                            + (unit == null ? "，未填单位（unit）" : "，“" + unit.name() + "”是" + unit.kind().label())));
                }
            }
        }
        if (creating && (user.password() == null || user.password().isEmpty())) {
            problems.add(new Problem("/password", "新用户须有密码（password）"));
        }
        if (user.password() != null && !user.password().isEmpty()) {
            password("/password", user.password(), user.username()).ifPresent(problems::add);
        }
        return problems;
    }

    private static String needs(Role role, Unit unit) {
        return switch (role) {
            case FILER -> unit != null && unit.kind().files() ? null : "主管部门或二级单位";
            case DEPT_REVIEWER -> unit != null && unit.kind() == UnitKind.DEPARTMENT ? null : "主管部门";
            case FINANCE_REVIEWER -> unit != null && unit.kind().isFinance() ? null : "财政业务科室或绩效科";
            default -> null;
        };
    }

    static java.util.Optional<Problem> password(String path, String password, String username) {
        if (password.startsWith("{bcrypt}$2")) {
            return java.util.Optional.empty();
        }
        if (password.startsWith("{")) {
            return java.util.Optional.of(new Problem(path, "密码哈希只接受 {bcrypt} 格式"));
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return java.util.Optional.of(new Problem(path, "密码不能超过 " + MAX_PASSWORD_BYTES
                    + " 字节（UTF-8：字母数字各 1 字节，汉字各 3 字节），实际为 "
                    + password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " 字节"));
        }
        if (password.length() < MIN_PASSWORD || password.equals(username)) {
            return java.util.Optional.of(new Problem(path, "密码至少 " + MIN_PASSWORD + " 个字符，且不能与用户名相同"));
        }
        return java.util.Optional.empty();
    }
}
