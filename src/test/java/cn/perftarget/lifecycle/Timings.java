package cn.perftarget.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wall times of the calls of many lifecycles, by call, and of whole lifecycles; safe for several client threads. */
final class Timings {

    private final Map<String, List<Long>> byCall = new LinkedHashMap<>();

    /** Runs {@code call} and keeps its duration under {@code name}. */
    <T> T time(String name, ThrowingSupplier<T> call) throws Exception {
        long start = System.nanoTime();
        T result = call.get();
        add(name, System.nanoTime() - start);
        return result;
    }

    synchronized void add(String name, long nanos) {
        byCall.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos);
    }

    /** One line per call: count, median and p95 in milliseconds. */
    synchronized void print(String indent) {
        byCall.forEach((name, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%s%-26s n=%4d  median %7.2f ms  p95 %7.2f ms%n", indent, name, sorted.length,
                    sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))] / 1e6);
        });
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
