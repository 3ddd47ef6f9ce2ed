package cn.perftarget.lifecycle;

/**
 * Our phases as ratios to each floor, and the goals of issue 23: in-process ≥ 0.7× (a2), HTTP ≥ 1.0× (p), against
 * the bare engine (a) (on H2 its durable (a')) in-process ≥ 0.35× and HTTP ≥ 0.25×, 8 clients ≥ 2× one.
 */
final class Summary {

    private Summary() {
    }

    static void print(BenchmarkDatabase db, FloorPhases.Floors floors, double b, double c, double d) throws java.io.IOException {
        String a = db.isPostgres() ? "(a)" : "(a')";
        System.out.printf("%nratios (%s): %-28s %8s %8s %8s%n", db.kind(), "", a, "(a2)", "(p)");
        System.out.printf("    floors: %s %.1f/s, (a2) %.1f/s, (p) %.1f/s%n", a, floors.a(), floors.a2(), floors.p());
        row("(b) in-process", b, floors);
        row("(c) HTTP, 1 client", c, floors);
        row("(d) HTTP, 8 clients", d, floors);
        System.out.printf("    CPU per lifecycle: %s %.1f ms, (a2) %.1f ms, (p) %.1f ms; as the floor's CPU over ours (load-independent):%n",
                a, Report.cpuOf(a), Report.cpuOf("(a2)"), Report.cpuOf("(p)"));
        for (String phase : new String[] {"(b)", "(c)", "(d)"}) {
            double ours = Report.cpuOf(phase);
            System.out.printf("    %-22s %6.1f ms = %6.2f× %6.2f× %6.2f×%n", phase, ours, Report.cpuOf(a) / ours,
                    Report.cpuOf("(a2)") / ours, Report.cpuOf("(p)") / ours);
        }
        System.out.printf("%nsummary (%s): (b) %.1f/s = %.2f× (a2) (goal 0.7), %.2f× %s (goal 0.35) | (c) %.1f/s = %.2f× (p)"
                        + " (goal 1.0), %.2f× %s (goal 0.25) | (d) %.1f/s = %.2f× (c) (goal 2) | floors %s %.1f/s, (a2) %.1f/s,"
                        + " (p) %.1f/s | load average after %s%n",
                db.kind(), b, b / floors.a2(), b / floors.a(), a, c, c / floors.p(), c / floors.a(), a, d, d / c,
                a, floors.a(), floors.a2(), floors.p(), Report.load());
    }

    private static void row(String label, double perSecond, FloorPhases.Floors floors) {
        System.out.printf("    %-22s %6.1f/s = %6.2f× %6.2f× %6.2f×%n", label, perSecond, perSecond / floors.a(),
                perSecond / floors.a2(), perSecond / floors.p());
    }
}
