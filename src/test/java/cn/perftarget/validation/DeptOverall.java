package cn.perftarget.validation;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real dept-overall definition and its corrected 2020 sample, as packaged from forms/. */
final class DeptOverall {

    static final ObjectMapper JSON = new ObjectMapper();
    static final FormDefinition DEFINITION =
            new FormDefinitions(new FormsProperties(null), java.util.List.of()).find("dept-overall", 1).orElseThrow();

    private DeptOverall() {
    }

    static ObjectNode correctedSample() {
        try (InputStream in = DeptOverall.class.getResourceAsStream("/forms/samples/dept-overall-2020-huangpi-corrected.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
