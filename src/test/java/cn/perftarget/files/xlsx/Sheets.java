package cn.perftarget.files.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;

/** The packaged definitions, layouts and samples, and the document comparison the round trips use. */
public final class Sheets {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final FormDefinitions FORMS = new FormDefinitions(new FormsProperties(null), List.of());
    public static final FormDefinition DEPT = FORMS.find("dept-overall", 1).orElseThrow();
    public static final FormDefinition PROJECT = FORMS.find("project-expenditure", 1).orElseThrow();

    private Sheets() {
    }

    public static Layout layout(FormDefinition definition) {
        return Layouts.load(definition.key() + "-v" + definition.version()).orElseThrow();
    }

    public static ObjectNode sample(String name) {
        try (InputStream in = Sheets.class.getResourceAsStream("/forms/samples/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] export(FormDefinition definition, JsonNode document) {
        try (XSSFWorkbook book = SheetWriter.write(layout(definition), definition, document, 2020)) {
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XSSFWorkbook workbook(FormDefinition definition, JsonNode document) {
        return SheetWriter.write(layout(definition), definition, document, 2020);
    }

    public static byte[] bytes(XSSFWorkbook book) {
        try (var out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode read(FormDefinition definition, byte[] xlsx) {
        return SheetReader.read(layout(definition), definition, xlsx, 2020);
    }

    /** Reads a dept-overall sheet for a declaration of {@code year}. */
    static final class SheetReaderAccess {
        static ObjectNode read(byte[] xlsx, int year) {
            return SheetReader.read(layout(DEPT), DEPT, xlsx, year);
        }
    }

    /**
     * The document as its meaning goes: null members and empty objects dropped (null is the same as absent),
     * numbers compared by value (100 = 100.0).
     */
    public static JsonNode normal(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> {
                JsonNode value = normal(e.getValue());
                if (!value.isNull() && !(value.isObject() && value.isEmpty())) {
                    out.set(e.getKey(), value);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(normal(item)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return DecimalNode.valueOf(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
        return node;
    }
}
