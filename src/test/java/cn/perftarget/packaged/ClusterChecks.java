package cn.perftarget.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the two-node test reads straight from the shared database. */
final class ClusterChecks {

    private static final String KEY_OF_D = "d.department || '-' || cast(d.budget_year as varchar(4)) || '-' || d.form_key "
            + "|| '-' || cast(d.id as varchar(20))";

    private ClusterChecks() {
    }

    /** Row counts of one statement, by its first column (text) → second (number). */
    static Map<String, Long> counts(Connection connection, String sql) throws SQLException {
        var out = new LinkedHashMap<String, Long>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.put(rows.getString(1), rows.getLong(2));
            }
        }
        return out;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each declaration of the load is there once, as acknowledged, with one approval instance and its events. */
    static void lifecyclesExactlyOnce(Connection connection, CrossNodeLoad load) throws SQLException {
        Map<Long, String> stored = new HashMap<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select id, status, revision from declaration "
                     + "where form_key = 'project-expenditure' and budget_year = 2021")) {
            while (rows.next()) {
                stored.put(rows.getLong(1), rows.getString(2) + "/" + rows.getInt(3));
            }
        }
        assertThat(load.created).as("ids answered with 201").doesNotHaveDuplicates();
        assertThat(stored.keySet()).as("declarations in the database = the creations acknowledged")
                .containsExactlyInAnyOrderElementsOf(load.created);
        List<String> behind = new ArrayList<>();
        load.acked.values().forEach(ack -> {
            if (!(ack.status() + "/" + ack.revision()).equals(stored.get(ack.id()))) {
                behind.add(ack + " → " + stored.get(ack.id()));
            }
        });
        assertThat(behind).as("acknowledged state not what the database holds").isEmpty();
        String ours = " from declaration d where d.form_key = 'project-expenditure' and d.budget_year = 2021 and ";
        assertThat(count(connection, "select count(*)" + ours + "(select count(*) from act_hi_procinst p where "
                + "p.proc_def_key_ = 'DeclarationApproval' and p.business_key_ = " + KEY_OF_D + ") <> 1"))
                .as("declarations without exactly one approval process instance").isZero();
        for (var expected : Map.of("CREATED", 1, "SUBMITTED", 1, "APPROVED", 2).entrySet()) {
            assertThat(count(connection, "select count(*)" + ours + "(select count(*) from audit_event e where "
                    + "e.declaration_id = d.id and e.action = '" + expected.getKey() + "') <> " + expected.getValue()))
                    .as("declarations without exactly %d %s event(s)", expected.getValue(), expected.getKey()).isZero();
        }
    }

    /** Audit events of one action per declaration among {@code ids}. */
    static Map<Long, Long> events(Connection connection, Collection<Long> ids, String action) throws SQLException {
        return counts(connection, "select cast(declaration_id as varchar(20)), count(*) from audit_event where action = '"
                + action + "' and declaration_id in (" + joined(ids) + ") group by declaration_id").entrySet().stream()
                .collect(Collectors.toMap(e -> Long.valueOf(e.getKey()), Map.Entry::getValue));
    }

    /** Per declaration of {@code ids}: how often each activity of its SubmissionDeadline instance was completed. */
    static Map<String, Long> deadlineActivities(Connection connection, Collection<Long> ids, String activity) throws SQLException {
        return counts(connection, "select cast(d.id as varchar(20)), (select count(*) from act_hi_actinst a join act_hi_procinst p "
                + "on p.id_ = a.proc_inst_id_ where p.proc_def_key_ = 'SubmissionDeadline' and p.business_key_ = " + KEY_OF_D
                + " and a.act_id_ = '" + activity + "' and a.end_time_ is not null) from declaration d where d.id in ("
                + joined(ids) + ")");
    }

    /** Successful executions of the SubmissionDeadline timer jobs: per job, and per node (engine host name). */
    static Map<String, Long> timerSuccessesPerJob(Connection connection) throws SQLException {
        return counts(connection, "select job_id_, count(*) from act_hi_job_log where process_def_key_ = 'SubmissionDeadline' "
                + "and job_def_type_ like 'timer%' and job_state_ = 2 group by job_id_");
    }

    static Map<String, Long> timerSuccessesPerNode(Connection connection) throws SQLException {
        return counts(connection, "select hostname_, count(*) from act_hi_job_log where process_def_key_ = 'SubmissionDeadline' "
                + "and job_def_type_ like 'timer%' and job_state_ = 2 group by hostname_ order by hostname_");
    }

    private static String joined(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
