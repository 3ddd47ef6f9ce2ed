package cn.perftarget.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.PerfTargetApplication;

/**
 * Times pages of {@code GET /api/declarations} and {@code GET /api/tasks} over HTTP (one keep-alive client) with
 * 20,000 declarations in ten departments, 10,000 of them in review with a real engine task each (5,000 主管部门,
 * 5,000 财政), on an H2 file database: first, middle and last page per role, median and p95 (goal p95 < 50 ms).
 * Each figure comes with the process's CPU time per call (server and client, all threads), which does not wait for a
 * core when the machine is shared. The setup takes the fast path (batched inserts into our table, and each task started by the engine right at its
 * review task), since only the listing is measured. Run with {@code mvn -Pbenchmark verify} (docs/benchmarks.md);
 * {@code -Dpaging.db} chooses another database. Asserts nothing.
 */
public final class PagingBenchmark {

    private static final int DRAFTS = 10_000;
    private static final int IN_REVIEW = 10_000;
    private static final String[] DEPARTMENTS = {"HP-BDC", "HP-EDU", "BM-01", "BM-02", "BM-03", "BM-04", "BM-05",
            "BM-06", "BM-07", "BM-08"};
    private static final int RUNS = 200;
    /** Server and client share the process: its CPU time per call does not wait for a core on a loaded machine. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private PagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("paging.db", "jdbc:h2:file:"
                + Files.createTempDirectory("paging-benchmark").resolve("perftarget"));
        var arguments = new ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=" + db, "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--perftarget.audit.anchor.file="
                        + Files.createTempDirectory("paging-benchmark").resolve("anchor.json")));
        for (int d = 2; d < DEPARTMENTS.length; d++) {
            arguments.add("--perftarget.security.departments." + DEPARTMENTS[d] + "=基准部门" + d);
        }
        try (var app = new SpringApplicationBuilder(PerfTargetApplication.class).run(arguments.toArray(String[]::new))) {
            long start = System.nanoTime();
            var jdbc = app.getBean(JdbcTemplate.class);
            var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            insertDeclarations(jdbc, tx);
            long inserted = System.nanoTime();
            startReviewTasks(jdbc, tx, app.getBean(RuntimeService.class));
            long started = System.nanoTime();
            long tasks = app.getBean(TaskService.class).createTaskQuery().count();
            System.out.printf("Java %s, %d cores, %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), db.replaceAll(";.*", ""));
            System.out.printf("setup: %,d declarations inserted in %.1f s, %,d engine tasks started in %.1f s%n",
                    DRAFTS + IN_REVIEW, (inserted - start) / 1e9, tasks, (started - inserted) / 1e9);

            var client = new Client(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            client.warmUp();
            client.pages("filer1 (HP-BDC)", "filer1", "/api/declarations");
            client.pages("dept1 (HP-BDC)", "dept1", "/api/declarations");
            client.pages("finance1 (all)", "finance1", "/api/declarations");
            client.pages("filer1, year + status", "filer1", "/api/declarations?year=2029&status=DRAFT");
            client.pages("dept1 tasks", "dept1", "/api/tasks");
            client.pages("finance1 tasks", "finance1", "/api/tasks");
            client.measure("finance1 tasks, size 500, page 0", "finance1", "/api/tasks?size=500&page=0");
            client.measure("finance1 declarations, size 500", "finance1", "/api/declarations?size=500&page=20");
        }
    }

    private static void insertDeclarations(JdbcTemplate jdbc, TransactionTemplate tx) {
        var now = Timestamp.from(Instant.now());
        int total = DRAFTS + IN_REVIEW;
        for (int first = 0; first < total; first += 1_000) {
            var rows = new ArrayList<Object[]>();
            for (int i = first; i < Math.min(first + 1_000, total); i++) {
                // Every department gets every year, status and review step.
                int round = i / DEPARTMENTS.length;
                String status = i < DRAFTS ? (round % 3 == 0 ? "APPROVED" : "DRAFT")
                        : (round % 2 == 0 ? "DEPT_REVIEW" : "FINANCE_REVIEW");
                String department = DEPARTMENTS[i % DEPARTMENTS.length];
                boolean submitted = !(i < DRAFTS && status.equals("DRAFT"));
                // A submitted declaration keeps the 主管部门 that reviews it (here: its own department).
                rows.add(new Object[] {"dept-overall", 1, department, 2028 + round % 5, status, 2,
                        "filer-" + department, now, now, submitted ? now : null, submitted ? department : null});
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into declaration (form_key, form_version, department,"
                    + " budget_year, status, revision, filed_by, created_at, updated_at, first_submitted_at,"
                    + " review_department, lock_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows));
        }
    }

    /** A real approval instance per declaration in review, started at its review task (due date, SLA timer and all). */
    private static void startReviewTasks(JdbcTemplate jdbc, TransactionTemplate tx, RuntimeService runtime) {
        var inReview = jdbc.queryForList("select id, department, budget_year, status from declaration"
                + " where status in ('DEPT_REVIEW', 'FINANCE_REVIEW') order by id");
        for (int first = 0; first < inReview.size(); first += 200) {
            var batch = inReview.subList(first, Math.min(first + 200, inReview.size()));
            tx.executeWithoutResult(s -> batch.forEach(row -> {
                long id = ((Number) row.get("ID")).longValue();
                String department = (String) row.get("DEPARTMENT");
                int year = ((Number) row.get("BUDGET_YEAR")).intValue();
                runtime.createProcessInstanceByKey("DeclarationApproval")
                        .businessKey(department + "-" + year + "-dept-overall-" + id)
                        .setVariables(Map.of("declarationId", id, "department", department, "reviewDepartment",
                                department, "formKey", "dept-overall", "year", year))
                        .startBeforeActivity("DEPT_REVIEW".equals(row.get("STATUS")) ? "Task_DeptReview" : "Task_FinanceReview")
                        .execute();
            }));
        }
    }

    /** One keep-alive HTTP client, as an integrator's would be. */
    private static final class Client {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        /** Every kind of call a few hundred times, so the first figures are not the JIT's. */
        void warmUp() throws Exception {
            for (int i = 0; i < 100; i++) {
                for (String user : List.of("filer1", "dept1", "finance1")) {
                    get(user, "/api/declarations?page=" + i % 7);
                    if (!user.equals("filer1")) {
                        get(user, "/api/tasks?page=" + i % 7);
                    }
                }
            }
        }

        /** First, middle and last page (size 50) of a list, the last one found from the first page's Link header. */
        void pages(String label, String user, String path) throws Exception {
            String sep = path.contains("?") ? "&" : "?";
            var first = get(user, path + sep + "page=0&size=50");
            long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
            int last = (int) Math.max(0, (total - 1) / 50);
            measure(label + ": first page (total " + total + ")", user, path + sep + "page=0&size=50");
            measure(label + ": middle page " + last / 2, user, path + sep + "page=" + last / 2 + "&size=50");
            measure(label + ": last page " + last, user, path + sep + "page=" + last + "&size=50");
        }

        void measure(String label, String user, String path) throws Exception {
            for (int i = 0; i < 30; i++) {
                get(user, path);
            }
            long[] nanos = new long[RUNS];
            int bytes = 0;
            long cpu = CPU.getProcessCpuTime();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                var response = get(user, path);
                nanos[i] = System.nanoTime() - t;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
                }
                bytes = response.body().length();
            }
            cpu = CPU.getProcessCpuTime() - cpu;
            Arrays.sort(nanos);
            System.out.printf("%-52s median %7.2f ms   p95 %7.2f ms   CPU/call %6.2f ms   (%,d chars, %d runs)%n",
                    label, nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.95)] / 1e6, cpu / 1e6 / RUNS, bytes, RUNS);
        }

        private HttpResponse<String> get(String user, String path) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
