package cn.perftarget.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.files.xlsx.Layout;
import cn.perftarget.files.xlsx.Layouts;
import cn.perftarget.files.xlsx.SheetWriter;

/**
 * What the official layout of a template says before any declaration exists: the blank 样表 a unit fills in for a
 * batch import, and which indicator fields each table of the official form has (the page shows the same columns).
 */
@Service
public class SheetTemplates {

    private final FormDefinitions forms;
    private final Layouts layouts;

    SheetTemplates(FormDefinitions forms, Layouts layouts) {
        this.forms = forms;
        this.layouts = layouts;
    }

    /**
     * The blank official-layout workbook of the template version that serves this budget year: the year filled
     * in (so the 近两年 headings name their years) and one empty row in every goal and indicator table.
     *
     * @throws InvalidRequestException naming {@code formKey} or {@code year} when no version with a layout serves it
     */
    public FileContent blank(String formKey, int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidRequestException.of("year", "request.parameter", "参数“year”的值“" + year + "”无效：应为 2000–2100 的年份");
        }
        if (!forms.exists(formKey)) {
            throw InvalidRequestException.of("formKey", "request.parameter", "没有申报表模板“" + formKey + "”");
        }
        FormDefinition definition = forms.forYear(formKey, year).orElseThrow(() -> InvalidRequestException.of("year",
                "request.parameter", "申报表模板“" + formKey + "”没有适用于 " + year + " 年度的版本"));
        Layout layout = layouts.of(definition).orElseThrow(() -> InvalidRequestException.of("formKey",
                "request.parameter", "申报表“" + definition.title() + "”没有官方版式，不能导出样表"));
        ObjectNode document = definition.initialDocument("", year);
        for (var section : layout.sections()) {
            String pointer = section.pointer();
            switch (section.kind()) {
                case "goals" -> put(document, pointer).addObject().putArray("indicators").addObject();
                case "table" -> put(document, pointer).addObject();
                default -> { }
            }
        }
        try (var book = SheetWriter.write(layout, definition, document, year); var out = new ByteArrayOutputStream()) {
            book.write(out);
            return new FileContent(out.toByteArray(), year + "年" + definition.title() + "（样表）.xlsx", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The indicator fields each table of the official form has, by the pattern pointer of its list (an index
     * written {@code *}: the 长期目标's indicators are {@code /longTermGoals/}*{@code /indicators}); empty when the
     * template has no layout.
     */
    public Map<String, List<String>> officialColumns(FormDefinition definition) {
        var columns = new LinkedHashMap<String, List<String>>();
        layouts.of(definition).ifPresent(layout -> layout.sections().forEach(section -> {
            switch (section.kind()) {
                case "goals" -> columns.put(section.pointer() + "/*/indicators", section.fields());
                case "table" -> columns.put(section.pointer(), section.fields());
                default -> { }
            }
        }));
        return columns;
    }

    /** A new empty array at the pointer (through objects) of the blank document. */
    private static ArrayNode put(ObjectNode document, String pointer) {
        ObjectNode node = document;
        String[] parts = pointer.substring(1).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        return node.putArray(parts[parts.length - 1]);
    }
}
