package cn.perftarget.lifecycle;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The printed line of one phase, and the CPU figure it carries. */
final class Report {

    /** CPU per lifecycle in ms by phase tag ("(a')", "(b)", …): the load-independent side of the ratios. */
    private static final java.util.Map<String, Double> CPU_BY_PHASE = new java.util.concurrent.ConcurrentHashMap<>();

    private Report() {
    }

    /**
     * CPU time of the Java threads of this process (engine, application, server and HTTP clients alike; not the JIT
     * compiler or the garbage collector, which the process's figure includes), in nanoseconds.
     */
    static long cpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** CPU ms per lifecycle of the phase tagged {@code tag}, NaN if it did not run. */
    static double cpuOf(String tag) {
        return CPU_BY_PHASE.getOrDefault(tag, Double.NaN);
    }

    static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll(" \\S+ \\S+$", "");
    }

    /** Prints the phase's rate, CPU per lifecycle, load and per-call timings; returns lifecycles per second. */
    static double print(String label, int count, long nanos, long cpuNanos, Timings timings) throws java.io.IOException {
        double perSecond = count / (nanos / 1e9);
        CPU_BY_PHASE.put(label.substring(0, label.indexOf(')') + 1), cpuNanos / 1e6 / count);
        System.out.printf("%n%s: %d lifecycles in %.1f s = %.1f lifecycles/s, CPU of Java threads %.1f ms per lifecycle"
                + " (load average %s)%n", label, count, nanos / 1e9, perSecond, cpuNanos / 1e6 / count, load());
        timings.print("    ");
        return perSecond;
    }
}
