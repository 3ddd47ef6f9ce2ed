package cn.perftarget.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Real cells from the corpus (forms/samples/real) put into a valid sample document, so a test sees what one rule
 * makes of exactly the text a real form printed, without the rest of that form.
 */
final class Transplant {

    /** The project sample's 指标5 (产出/质量), replaced by the corpus form's indicator. */
    static final String PROJECT_INDICATOR = "/indicators/4";
    /** The v2 sample's 年度目标1/指标1 (产出/质量, with 近两年 and 预期 values). */
    static final String DEPT_INDICATOR = "/annualGoals/0/indicators/0";

    private Transplant() {
    }

    static JsonNode cell(String file, String pointer) {
        var node = document(file).at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no " + pointer);
        }
        return node;
    }

    /** Findings, as "path rule", of the project sample with the corpus indicator at {@link #PROJECT_INDICATOR}. */
    static List<String> projectIndicator(String file, String pointer) {
        ObjectNode document = Templates.projectSample();
        copy((ObjectNode) cell(file, pointer), (ObjectNode) document.at(PROJECT_INDICATOR));
        return Templates.findings(Templates.validate(Templates.PROJECT_V1, document, 2021));
    }

    /** The same with the v2 sample; its 近两年 and 预期 values stay (percentages). */
    static List<String> deptIndicator(String file, String pointer) {
        ObjectNode document = Templates.deptV2Sample();
        copy((ObjectNode) cell(file, pointer), (ObjectNode) document.at(DEPT_INDICATOR));
        return Templates.findings(Templates.validate(Templates.DEPT_V2, document, 2022));
    }

    /** Findings of the project sample with one header field as the corpus form printed it. */
    static List<String> projectHeader(String file, String field, int year) {
        ObjectNode document = Templates.projectSample();
        ((ObjectNode) document.get("header")).set(field, cell(file, "/header/" + field));
        ((ObjectNode) document.get("header")).put("year", year);
        return Templates.findings(Templates.validate(Templates.PROJECT_V1, document, year));
    }

    private static void copy(ObjectNode from, ObjectNode to) {
        for (String field : List.of("level1", "level2", "name", "value")) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }

    private static JsonNode document(String file) {
        return Templates.resource("/forms/samples/real/" + file);
    }
}
