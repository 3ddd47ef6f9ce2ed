package cn.perftarget.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.perftarget.validation.RealCorpus.Form;
import cn.perftarget.validation.RealCorpus.Judgement;

/**
 * The figures of one split of the corpus, per kind of rule: false errors (errors on cells judged correct) against
 * correct cells, and judged defects flagged (an error or warning at the defect) against defects. Whole-table checks
 * that a fragment cannot pass (its source was cut) and structure.required on places the transcription does not
 * have are neither.
 */
final class CorpusFigures {

    /** Counts of one kind. */
    static final class Tally {
        int falseErrors;
        int falseWarnings;
        int defects;
        int flagged;

        @Override
        public String toString() {
            return falseErrors + " false errors, " + flagged + "/" + defects + " defects flagged, " + falseWarnings + " warnings on correct cells";
        }
    }

    int forms;
    int cells;
    int correctCells;
    final Map<String, Tally> byKind = new TreeMap<>();
    final List<String> falseErrorLines = new ArrayList<>();
    final List<String> missedDefects = new ArrayList<>();

    static CorpusFigures of(List<Form> forms, String split) {
        var figures = new CorpusFigures();
        forms.stream().filter(f -> f.split().equals(split)).forEach(figures::add);
        return figures;
    }

    private void add(Form form) {
        var document = form.document();
        var report = form.report();
        forms++;
        int n = RealForms.cells(document);
        cells += n;
        correctCells += n - (int) form.judgements().entrySet().stream()
                .filter(e -> e.getValue().defect() && !e.getKey().contains(" ")).count();
        List<String> errors = lines(report.errors(), document, form);
        List<String> warnings = lines(report.warnings(), document, form);
        for (var line : errors) {
            count(line, form, errors, true);
        }
        for (var line : warnings) {
            count(line, form, warnings, false);
        }
        form.judgements().forEach((place, judgement) -> {
            if (!judgement.defect()) {
                return;
            }
            Tally tally = tally(judgement.kind());
            tally.defects++;
            boolean found = place.contains(" ")
                    ? errors.contains(place) || warnings.contains(place)
                    : errors.stream().anyMatch(l -> path(l).equals(place)) || warnings.stream().anyMatch(l -> path(l).equals(place));
            if (found) {
                tally.flagged++;
            } else {
                missedDefects.add(form.file() + " " + place + " " + judgement.kind());
            }
        });
    }

    private void count(String line, Form form, List<String> ignored, boolean error) {
        Judgement onLine = form.judgements().get(line);
        Judgement onCell = form.judgements().get(path(line));
        if ((onLine != null && onLine.defect()) || (onLine == null && onCell != null && onCell.defect())) {
            return;
        }
        String kind = onCell != null ? onCell.kind() : kindOfRule(line.substring(line.indexOf(' ') + 1));
        if (error) {
            tally(kind).falseErrors++;
            falseErrorLines.add(form.file() + " " + line);
        } else {
            tally(kind).falseWarnings++;
        }
    }

    private static List<String> lines(List<Finding> findings, com.fasterxml.jackson.databind.JsonNode document, Form form) {
        return findings.stream()
                .filter(f -> !(f.rule().equals("structure.required") && document.at(f.path()).isMissingNode()))
                .map(f -> f.path() + " " + f.rule())
                .filter(line -> !form.fragment().contains(line))
                .toList();
    }

    private static String path(String line) {
        return line.substring(0, line.indexOf(' '));
    }

    // Where no judgement names the cell's kind, the rule that fired says which kind of rule erred.
    static String kindOfRule(String rule) {
        return switch (rule) {
            case "indicator.level1", "indicator.level2", "indicator.name-is-category" -> "names";
            case "indicator.date-serial" -> "date-serial";
            case "project.period-format", "project.period-year" -> "period";
            case "indicator.value-format" -> "value";
            case "indicator.percent-range" -> "percent";
            case "project.category" -> "category";
            case "structure.required" -> "empty";
            default -> rule.startsWith("indicator.") ? "semantics" : "structure";
        };
    }

    Tally tally(String kind) {
        return byKind.computeIfAbsent(kind, k -> new Tally());
    }

    int falseErrors() {
        return byKind.values().stream().mapToInt(t -> t.falseErrors).sum();
    }

    int falseWarnings() {
        return byKind.values().stream().mapToInt(t -> t.falseWarnings).sum();
    }

    int defects() {
        return byKind.values().stream().mapToInt(t -> t.defects).sum();
    }

    int flagged() {
        return byKind.values().stream().mapToInt(t -> t.flagged).sum();
    }

    String table() {
        var out = new StringBuilder();
        out.append(String.format("%d forms, %d cells, %d correct: %d false errors, %d/%d defects flagged%n",
                forms, cells, correctCells, falseErrors(), flagged(), defects()));
        byKind.forEach((kind, tally) -> out.append(String.format("  %-18s %s%n", kind, tally)));
        falseErrorLines.forEach(l -> out.append("  false error: ").append(l).append('\n'));
        missedDefects.forEach(l -> out.append("  missed: ").append(l).append('\n'));
        return out.toString();
    }
}
