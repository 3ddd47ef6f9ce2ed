package cn.perftarget.files.batch;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationImport;
import cn.perftarget.declaration.InvalidRequestException;
import cn.perftarget.declaration.StatusConflictException;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.files.CellError;
import cn.perftarget.files.ImportJobView.FileResult;
import cn.perftarget.files.SheetProblemException;
import cn.perftarget.files.xlsx.Layout;
import cn.perftarget.files.xlsx.SheetReader;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/** Imports one uploaded file into the department its sheet names; every failure becomes that file's result. */
@Component
public class FileImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileImporter.class);

    private final DeclarationImport imports;
    private final Directory directory;

    FileImporter(DeclarationImport imports, Directory directory) {
        this.imports = imports;
        this.directory = directory;
    }

    public FileResult run(Actor actor, FormDefinition definition, Layout layout, int index, String fileName, byte[] bytes) {
        JsonNode document;
        try {
            document = SheetReader.read(layout, definition, bytes, 0);
        } catch (SheetProblemException e) {
            return failed(index, fileName, null, null, e.getMessage(), e.errors());
        }
        String departmentCell = cellOf(layout, "/header/department");
        String name = document.at("/header/department").asText("");
        JsonNode year = document.at("/header/year");
        if (!year.canConvertToInt()) {
            return failed(index, fileName, name, null, "表格未填写年度",
                    List.of(new CellError("/header/year", cellOf(layout, "/header/year"), cellOf(layout, "/header/year") + "：未填写年度")));
        }
        var code = directory.departmentCode(name);
        if (code.isEmpty()) {
            String message = departmentCell + "：部门“" + name + "”不存在";
            return failed(index, fileName, name, year.asInt(), message,
                    List.of(new CellError("/header/department", departmentCell, message)));
        }
        if (!imports.mayImportFor(actor, code.get())) {
            String message = departmentCell + "：部门“" + name + "”不在您的审核范围内";
            return failed(index, fileName, name, year.asInt(), message,
                    List.of(new CellError("/header/department", departmentCell, message)));
        }
        try {
            var imported = imports.importDocument(actor, code.get(), definition.key(), year.asInt(), document);
            var view = imported.declaration();
            return new FileResult(index, fileName, imported.created() ? "CREATED" : "UPDATED", view.id(),
                    view.departmentName(), view.year(), view.revision(), imported.created() ? "已新建申报表" : "已更新申报表",
                    List.of());
        } catch (InvalidRequestException e) {
            return failed(index, fileName, name, year.asInt(), e.getMessage(), e.findings().stream()
                    .map(f -> new CellError(f.path(), "", f.message())).toList());
        } catch (StatusConflictException | ActionForbiddenException e) {
            return failed(index, fileName, name, year.asInt(), e.getMessage(), List.of());
        } catch (RuntimeException e) {
            // The clerk sees the file failed; whoever runs the server needs the cause.
            log.warn("Import of {} into {} {} failed", fileName, name, year.asInt(), e);
            return failed(index, fileName, name, year.asInt(), "导入时出错，未保存：" + e.getClass().getSimpleName(), List.of());
        }
    }

    private static FileResult failed(int index, String fileName, String department, Integer year, String message,
                                     List<CellError> errors) {
        return new FileResult(index, fileName, "FAILED", null, department, year, null, message, List.copyOf(errors));
    }

    private static String cellOf(Layout layout, String pointer) {
        return layout.bindings().stream().filter(b -> b.pointers().contains(pointer)).findFirst()
                .map(b -> layout.sheetName() + "!" + b.address().formatAsString()).orElse("");
    }
}
