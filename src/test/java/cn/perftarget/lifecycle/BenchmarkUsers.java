package cn.perftarget.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Departments and accounts of the benchmark, given to the application as command-line properties: every department
 * has its own filer and 主管部门 reviewer, so that each client fills its own department's declarations and the
 * uniqueness of department + year never makes two clients collide. One 财政 reviewer serves all.
 */
final class BenchmarkUsers {

    static final String FINANCE = "finance1";
    static final int FIRST_YEAR = 2028;
    static final int LAST_YEAR = 2100;

    record Department(String code, String filer, String reviewer) {
    }

    private BenchmarkUsers() {
    }

    static List<Department> departments(int count) {
        List<Department> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = String.format("%02d", i);
            out.add(new Department("BM-" + n, "bmf" + n, "bmd" + n));
        }
        return out;
    }

    /** The properties that declare them (a list property replaces the demo profile's users, so 财政 is repeated). */
    static List<String> arguments(List<Department> departments) {
        List<String> args = new ArrayList<>();
        int user = 0;
        // 财政 in the demo organisation's 绩效科, which reviews every unit; the benchmark departments are 主管部门.
        args.addAll(account(user++, FINANCE, "FINANCE_REVIEWER", "CZ-JXK"));
        args.addAll(account(user++, "admin", "ADMIN", null));
        for (Department d : departments) {
            args.add("--perftarget.security.departments." + d.code() + "=基准测试部门" + d.code().substring(3));
            args.addAll(account(user++, d.filer(), "FILER", d.code()));
            args.addAll(account(user++, d.reviewer(), "DEPT_REVIEWER", d.code()));
        }
        return args;
    }

    private static List<String> account(int index, String username, String role, String department) {
        String prefix = "--perftarget.security.users[" + index + "].";
        List<String> args = new ArrayList<>(List.of(prefix + "username=" + username, prefix + "password={noop}demo",
                prefix + "role=" + role, prefix + "name=" + username));
        if (department != null) {
            args.add(prefix + "department=" + department);
        }
        return args;
    }
}
