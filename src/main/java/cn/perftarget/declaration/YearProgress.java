package cn.perftarget.declaration;

import java.util.Map;

/**
 * A budget year's declarations per department as the database counted them: by status, and how many are overdue
 * (see {@link DeclarationView#overdue()}). Departments without any declaration are absent.
 */
public record YearProgress(Map<String, Map<DeclarationStatus, Long>> counts, Map<String, Long> overdue) {

    public YearProgress {
        counts = Map.copyOf(counts);
        overdue = Map.copyOf(overdue);
    }
}
