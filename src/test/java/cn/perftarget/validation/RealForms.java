package cn.perftarget.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.perftarget.definition.FormDefinition;

/**
 * The corpus of real published forms and form fragments in forms/samples/real (sources in its README), each with
 * the template version and context its declaration would have, and the report an experienced reviewer expects.
 */
final class RealForms {

    /** Why a finding is expected: a genuine defect of the cell, or a whole-table check the fragment cannot satisfy. */
    enum Why { DEFECT, FRAGMENT, WARNING }

    record Expected(String line, Why why) {
    }

    record Sample(String file, FormDefinition definition, int year, String department, List<Expected> expected) {

        ObjectNode document() {
            return Templates.resource("/forms/samples/real/" + file);
        }

        ValidationReport report() {
            return Templates.validate(definition, document(), new ValidationContext(year, department));
        }

        /**
         * The report as "path rule" lines, without structure.required findings for places the transcription does
         * not have: a fragment leaves out what its source does not show; printed-but-empty cells are JSON null and
         * are judged.
         */
        List<String> judged() {
            return judged(document(), report());
        }

        static List<String> judged(JsonNode document, ValidationReport report) {
            List<String> out = new ArrayList<>();
            for (var list : List.of(report.errors(), report.warnings())) {
                for (var finding : list) {
                    if (finding.rule().equals("structure.required") && document.at(finding.path()).isMissingNode()) {
                        continue;
                    }
                    out.add(finding.path() + " " + finding.rule());
                }
            }
            return out;
        }
    }

    static Expected defect(String line) {
        return new Expected(line, Why.DEFECT);
    }

    static Expected fragment(String line) {
        return new Expected(line, Why.FRAGMENT);
    }

    static Expected warning(String line) {
        return new Expected(line, Why.WARNING);
    }

    /** Transcribed cells: every scalar, null included (a printed empty cell). */
    static int cells(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            int n = 0;
            for (JsonNode child : node) {
                n += cells(child);
            }
            return n;
        }
        return 1;
    }

    static Map<String, Integer> countBy(List<Expected> expected) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        expected.forEach(e -> out.merge(e.why().name(), 1, Integer::sum));
        return out;
    }

    private RealForms() {
    }
}
