package cn.perftarget.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.perftarget.attachment.AttachmentStore;
import cn.perftarget.declaration.DeclarationFiling;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.files.pdf.PdfRenderer;
import cn.perftarget.files.pdf.PrintSheet;
import cn.perftarget.files.xlsx.Layout;
import cn.perftarget.files.xlsx.Layouts;
import cn.perftarget.files.xlsx.SheetReader;
import cn.perftarget.files.xlsx.SheetWriter;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.DecisionView;
import cn.perftarget.review.ReviewRecords;

/**
 * A declaration's document in the media finance bureaus use: the official-layout xlsx (both ways), the print
 * view and its PDF. Reading needs what {@link DeclarationQueries} needs; saving goes through
 * {@link DeclarationFiling#saveDocument}, so an xlsx save is the same save as a JSON one.
 */
@Service
public class DeclarationFiles {

    /** The Thymeleaf template of the print view and the PDF. */
    public static final String PRINT_TEMPLATE = "files/print";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> OUTCOMES = Map.of("approve", "同意", "return", "退回修改", "reject", "不予通过");

    private final DeclarationQueries queries;
    private final DeclarationFiling filing;
    private final FormDefinitions forms;
    private final Layouts layouts;
    private final ReviewRecords reviews;
    private final ITemplateEngine templates;
    private final PdfRenderer pdf;
    private final AttachmentStore attachments;

    DeclarationFiles(DeclarationQueries queries, DeclarationFiling filing, FormDefinitions forms, Layouts layouts,
                     ReviewRecords reviews, ITemplateEngine templates, PdfRenderer pdf, AttachmentStore attachments) {
        this.attachments = attachments;
        this.queries = queries;
        this.filing = filing;
        this.forms = forms;
        this.layouts = layouts;
        this.reviews = reviews;
        this.templates = templates;
        this.pdf = pdf;
    }

    /** The current revision as the official-layout workbook. */
    public FileContent xlsx(Actor actor, long id) {
        var view = queries.get(actor, id);
        var definition = definition(view);
        try (XSSFWorkbook book = SheetWriter.write(layout(definition), definition, view.document(), view.year());
             var out = new java.io.ByteArrayOutputStream()) {
            AttachmentList.addSheet(book, attachments.list(actor, id, view.revision()));
            book.write(out);
            return new FileContent(out.toByteArray(), fileName(view, definition, "xlsx"), view.revision());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an official-layout workbook and saves it as the next revision, exactly like a JSON save.
     *
     * @throws cn.perftarget.files.SheetProblemException naming each unreadable cell; nothing is saved
     */
    public DeclarationView saveXlsx(Actor actor, long id, String ifMatch, byte[] xlsx) {
        var view = queries.get(actor, id);
        var definition = definition(view);
        JsonNode document = SheetReader.read(layout(definition), definition, xlsx, view.year());
        // A follow-up's sheet does not show all the system filled in (the base's number): those stay as they are.
        document = cn.perftarget.definition.ReadOnlyFields.filled(definition, view.document(), document);
        return filing.saveDocument(actor, id, ifMatch, document);
    }

    /** The print view: the official sheet and every review decision. */
    public PrintView print(Actor actor, long id) {
        var view = queries.get(actor, id);
        return printView(view.id(), definition(view), view.document(), view.year(), view.departmentName(),
                view.status().label(), view.revision(), approvals(reviews.decisions(actor, id)),
                AttachmentList.printed(attachments.list(actor, id, view.revision())));
    }

    /** The print view as a PDF, in the configured CJK font. */
    public FileContent pdf(Actor actor, long id) {
        var print = print(actor, id);
        byte[] bytes = pdfOf(print);
        var view = queries.summary(actor, id);
        return new FileContent(bytes, fileName(view, definition(view), "pdf"), print.revision());
    }

    /**
     * Lays out and renders an empty form of each template once, so that the first user's print view and PDF find
     * POI loaded, the print template compiled and the CJK font parsed (cold, that costs seconds).
     *
     * @return the size of each warm-up PDF, by template key
     */
    Map<String, Integer> warmUp() {
        int year = java.time.Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        var sizes = new java.util.TreeMap<String, Integer>();
        layouts.latest().keySet().forEach(definition -> sizes.put(definition.key(), pdfOf(printView(0, definition,
                definition.initialDocument("示例单位", year), year, "示例单位", "", 0, List.of(), List.of())).length));
        return sizes;
    }

    private PrintView printView(long id, FormDefinition definition, JsonNode document, int year, String department,
                                String status, int revision, List<PrintView.Approval> approvals,
                                List<PrintView.Attachment> files) {
        var layout = layout(definition);
        try (XSSFWorkbook book = SheetWriter.write(layout, definition, document, year)) {
            var sheet = book.getSheet(layout.sheetName());
            return new PrintView(id, sheet.getRow(0).getCell(0).getStringCellValue(), department, year, status,
                    revision, PrintSheet.of(sheet, layout.columns()), approvals, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] pdfOf(PrintView print) {
        var context = new Context();
        context.setVariable("print", print);
        context.setVariable("pdf", true);
        return pdf.render(templates.process(PRINT_TEMPLATE, context));
    }

    private List<PrintView.Approval> approvals(List<DecisionView> decisions) {
        return decisions.stream().map(d -> new PrintView.Approval(level(d.step()),
                OUTCOMES.getOrDefault(d.outcome(), d.outcome()),
                d.reviewerName(),
                DAY.format(d.decidedAt()), d.comment() == null ? "" : d.comment(),
                d.grade() == null ? "" : d.grade())).toList();
    }

    // One opinion row per step the declaration passed, labelled as its model names the step.
    private static String level(DeclarationStatus step) {
        String label = step.label().endsWith("中") ? step.label().substring(0, step.label().length() - 1) : step.label();
        return label + "意见";
    }

    private FormDefinition definition(DeclarationView view) {
        return forms.find(view.formKey(), view.formVersion()).orElseThrow();
    }

    private Layout layout(FormDefinition definition) {
        return layouts.of(definition).orElseThrow(() -> new DeclarationNotFoundException(
                "表单“" + definition.title() + "”（" + definition.key() + " 第 " + definition.version() + " 版）没有官方版式"));
    }

    private static String fileName(DeclarationView view, FormDefinition definition, String extension) {
        return view.year() + "年" + definition.title() + "-" + view.departmentName() + "-" + view.id() + "." + extension;
    }
}
