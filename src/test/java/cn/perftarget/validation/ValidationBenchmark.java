package cn.perftarget.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;

/**
 * Prints the median and p95 time to validate the seed form and a synthetic form with 500 indicators.
 * Run with {@code mvn -Pbenchmark verify} (see docs/benchmarks.md); it is not a test and asserts nothing.
 */
public final class ValidationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var ruleSets = new RuleSets();
        FormDefinition definition = new FormDefinitions(new FormsProperties(null), List.of(ruleSets))
                .find("dept-overall", 1).orElseThrow();
        var validator = new DocumentValidator(ruleSets);
        var context = new ValidationContext(2020);

        JsonNode seed = sample("dept-overall-2020-huangpi-seed.json");
        JsonNode large = withIndicators(sample("dept-overall-2020-huangpi-corrected.json"), 25, 20);

        System.out.printf("Java %s, %d cores, %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
        measure("seed form (2020 黄陂区大数据中心, " + validator.validate(definition, seed, context).errors().size()
                + " errors)", () -> validator.validate(definition, seed, context));
        measure("synthetic form, 500 indicators (valid="
                + validator.validate(definition, large, context).valid() + ")", () -> validator.validate(definition, large, context));
    }

    private static void measure(String label, Runnable validation) {
        for (int i = 0; i < 3_000; i++) {
            validation.run();
        }
        int runs = 2_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            validation.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-60s median %8.3f ms   p95 %8.3f ms   (%d runs after 3000 warm-up)%n", label,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, runs);
    }

    /** The corrected sample with its annual goals replaced by {@code goals} × {@code perGoal} valid indicators. */
    static JsonNode withIndicators(JsonNode sample, int goals, int perGoal) {
        ObjectNode document = sample.deepCopy();
        ArrayNode annualGoals = document.putArray("annualGoals");
        for (int g = 0; g < goals; g++) {
            ObjectNode goal = annualGoals.addObject();
            goal.put("title", "年度目标" + (g + 1));
            ArrayNode indicators = goal.putArray("indicators");
            for (int i = 0; i < perGoal; i++) {
                ObjectNode indicator = indicators.addObject();
                boolean output = i % 2 == 0;
                indicator.put("level1", output ? "产出指标" : "效益指标");
                indicator.put("level2", output ? "质量指标" : "社会效益指标");
                indicator.put("name", "指标" + (g + 1) + "-" + (i + 1) + "平台可用率");
                indicator.put("value", "≥99%");
                indicator.put("standard", "行业标准");
                indicator.putObject("history").put("2018", "98.5%").put("2019", "99.1%");
                indicator.put("expected", "99.5%");
            }
        }
        return document;
    }

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = ValidationBenchmark.class.getResourceAsStream("/forms/samples/" + name)) {
            return JSON.readTree(in);
        }
    }
}
