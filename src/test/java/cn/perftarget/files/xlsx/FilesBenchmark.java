package cn.perftarget.files.xlsx;

import java.util.Arrays;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Export and import of a 500-indicator declaration in the official layout (goal: export under 1 s, import under
 * 2 s). Prints the figures for docs/benchmarks.md; run with {@code mvn -Pbenchmark verify}.
 */
public final class FilesBenchmark {

    private static final int GOALS = 25;
    private static final int PER_GOAL = 10;

    private FilesBenchmark() {
    }

    public static void main(String[] args) {
        ObjectNode document = Sheets.sample("dept-overall-2020-huangpi-corrected.json");
        document.set("longTermGoals", goals(document, false));
        document.set("annualGoals", goals(document, true));
        int indicators = 2 * GOALS * PER_GOAL;
        byte[] xlsx = Sheets.export(Sheets.DEPT, document);
        for (int i = 0; i < 5; i++) {
            Sheets.read(Sheets.DEPT, Sheets.export(Sheets.DEPT, document));
        }
        int runs = 15;
        long[] export = new long[runs];
        long[] read = new long[runs];
        long[] exportCpu = new long[runs];
        long[] readCpu = new long[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            xlsx = Sheets.export(Sheets.DEPT, document);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            var back = Sheets.read(Sheets.DEPT, xlsx);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            export[i] = t1 - t0;
            read[i] = t2 - t1;
            exportCpu[i] = c1 - c0;
            readCpu[i] = c2 - c1;
            if (!Sheets.normal(back).equals(Sheets.normal(document))) {
                throw new IllegalStateException("round trip changed the document");
            }
        }
        System.out.printf("files benchmark: %d indicators (%d goals × %d, long-term and annual), xlsx %d KiB%n",
                indicators, 2 * GOALS, PER_GOAL, xlsx.length / 1024);
        System.out.printf("  export (template → filled workbook → bytes): median %.0f ms, max %.0f ms, CPU median %.0f ms (goal < 1000 ms)%n",
                median(export), max(export), median(exportCpu));
        System.out.printf("  import (bytes → document, every cell read):   median %.0f ms, max %.0f ms, CPU median %.0f ms (goal < 2000 ms)%n",
                median(read), max(read), median(readCpu));
        System.out.printf("  load average while measuring: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static ArrayNode goals(ObjectNode sample, boolean annual) {
        ArrayNode goals = sample.arrayNode();
        var template = sample.path("annualGoals").get(0).path("indicators");
        for (int g = 0; g < GOALS; g++) {
            var goal = goals.addObject();
            goal.put("title", (annual ? "年度目标" : "长期目标") + (g + 1));
            var list = goal.putArray("indicators");
            for (int i = 0; i < PER_GOAL; i++) {
                var indicator = (ObjectNode) template.get(i % template.size()).deepCopy();
                indicator.put("name", indicator.path("name").asText() + "（第" + (i + 1) + "项）");
                if (!annual) {
                    indicator.remove("expected");
                } else {
                    indicator.putObject("history").put("2018", "97%").put("2019", "98%");
                }
                list.add(indicator);
            }
        }
        return goals;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }
}
