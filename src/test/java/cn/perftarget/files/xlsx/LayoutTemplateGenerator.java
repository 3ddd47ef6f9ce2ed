package cn.perftarget.files.xlsx;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the committed layout templates {@code forms/layouts/<key>-v<version>.xlsx} once; run it again only to
 * change a template (then commit the files). Not part of the product: the product reads the committed files.
 * <p>
 * A template has the official sheet with {@code ${/pointer}} placeholders, one {@code ${blocks}} marker row where
 * the repeating sections go, and a hidden sheet 版式 listing those sections and carrying the cell styles.
 */
public final class LayoutTemplateGenerator {

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Sheet sheet;
    private final Map<String, CellStyle> styles = new HashMap<>();

    private LayoutTemplateGenerator(String sheetName) {
        sheet = book.createSheet(sheetName);
        styles.put("title", style(false, HorizontalAlignment.CENTER, true, 16, null));
        styles.put("plain", style(false, HorizontalAlignment.RIGHT, false, 10, null));
        styles.put("label", style(true, HorizontalAlignment.CENTER, true, 10, null));
        styles.put("text", style(true, HorizontalAlignment.LEFT, false, 10, "@"));
        styles.put("center", style(true, HorizontalAlignment.CENTER, false, 10, "@"));
        styles.put("number", style(true, HorizontalAlignment.CENTER, false, 10, "General"));
        styles.put("percent", style(true, HorizontalAlignment.CENTER, false, 10, "0%"));
        int[] widths = {8, 13, 13, 24, 13, 12, 10, 10, 13};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        var print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
    }

    private CellStyle style(boolean border, HorizontalAlignment align, boolean bold, int points, String format) {
        var style = book.createCellStyle();
        var font = book.createFont();
        font.setFontName("宋体");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold && points > 10);
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (format != null) {
            style.setDataFormat(book.createDataFormat().getFormat(format));
        }
        return style;
    }

    /** Writes {@code text} into the top-left cell of {@code range} (e.g. "A1:I1") and styles every cell of it. */
    private LayoutTemplateGenerator put(String range, String style, String text) {
        var area = CellRangeAddress.valueOf(range);
        for (int r = area.getFirstRow(); r <= area.getLastRow(); r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            for (int c = area.getFirstColumn(); c <= area.getLastColumn(); c++) {
                var cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                cell.setCellStyle(styles.get(style));
            }
        }
        sheet.getRow(area.getFirstRow()).getCell(area.getFirstColumn()).setCellValue(text);
        if (area.getNumberOfCells() > 1) {
            sheet.addMergedRegion(area);
        }
        return this;
    }

    private LayoutTemplateGenerator height(int row, float points) {
        (sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row)).setHeightInPoints(points);
        return this;
    }

    /** The hidden sheet 版式: style samples in row 1 from column F, one repeating section per row from row 2. */
    private void sections(String[][] rows) {
        var layout = book.createSheet("版式");
        var head = layout.createRow(0);
        String[] titles = {"kind", "pointer", "label", "caption", "fields"};
        for (int c = 0; c < titles.length; c++) {
            head.createCell(c).setCellValue(titles[c]);
        }
        int c = 5;
        for (var entry : styles.entrySet()) {
            var cell = head.createCell(c++);
            cell.setCellValue(entry.getKey());
            cell.setCellStyle(entry.getValue());
        }
        for (int r = 0; r < rows.length; r++) {
            var row = layout.createRow(r + 1);
            for (int i = 0; i < rows[r].length; i++) {
                row.createCell(i).setCellValue(rows[r][i]);
            }
        }
        book.setSheetHidden(book.getSheetIndex(layout), true);
    }

    private void write(Path file) throws IOException {
        try (var out = new FileOutputStream(file.toFile())) {
            book.write(out);
        }
        book.close();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "forms/layouts");
        Files.createDirectories(dir);
        deptOverall().write(dir.resolve("dept-overall-v1.xlsx"));
        // v2 (2022 on) keeps v1's document and labels; only its rules and the optional 长期目标 differ.
        deptOverall().write(dir.resolve("dept-overall-v2.xlsx"));
        projectExpenditure().write(dir.resolve("project-expenditure-v1.xlsx"));
        monitoring().write(dir.resolve("monitoring-v1.xlsx"));
        selfEvaluation().write(dir.resolve("self-evaluation-v1.xlsx"));
    }

    /** 绩效运行监控表: the follow-up's header, the budget against the time gone, one row per approved indicator. */
    private static LayoutTemplateGenerator monitoring() {
        var g = new LayoutTemplateGenerator("绩效运行监控表");
        g.put("A1:I1", "title", "${/header/year}年度绩效运行监控表").height(0, 32);
        g.put("A2:G2", "plain", "（监控期间：${/header/period}月）").put("H2:I2", "plain", "单位：万元");
        g.sheet.getRow(1).getCell(0).setCellStyle(g.style(false, HorizontalAlignment.CENTER, false, 11, null));
        g.put("A3:B3", "label", "部门（单位）名称").put("C3:I3", "text", "${/header/department}");
        g.put("A4:B4", "label", "填报人").put("C4:E4", "text", "${/header/filler}")
                .put("F4", "label", "联系电话").put("G4:I4", "text", "${/header/phone}");
        g.put("A5:B6", "label", "预算执行情况")
                .put("C5:D5", "label", "全年预算数").put("E5:F5", "label", "截至本期执行数")
                .put("G5:H5", "label", "预算执行率（%）").put("I5", "label", "时间进度（%）")
                .put("C6:D6", "number", "${/funds/budget}").put("E6:F6", "number", "${/funds/executed}")
                .put("G6:H6", "number", "${/funds/executionRate}").put("I6", "number", "${/funds/timeShare}");
        g.put("A7:B7", "label", "执行偏差说明").put("C7:I7", "text", "${/funds/note}");
        for (int r = 2; r < 7; r++) {
            g.height(r, 22);
        }
        g.put("A8", "plain", "${blocks}");
        g.sections(new String[][] {
                {"table", "/indicators", "绩效指标", "绩效指标", "level2 name target actual forecast deviationReason deviationNote correction"}});
        return g;
    }

    /** 绩效自评表: the budget's execution and score, the total and grade, one row per approved indicator with its score. */
    private static LayoutTemplateGenerator selfEvaluation() {
        var g = new LayoutTemplateGenerator("绩效自评表");
        g.put("A1:I1", "title", "${/header/year}年度绩效自评表").height(0, 32);
        g.put("H2:I2", "plain", "单位：万元");
        g.put("A3:B3", "label", "部门（单位）名称").put("C3:I3", "text", "${/header/department}");
        g.put("A4:B4", "label", "填报人").put("C4:E4", "text", "${/header/filler}")
                .put("F4", "label", "联系电话").put("G4:I4", "text", "${/header/phone}");
        g.put("A5:B6", "label", "预算执行情况")
                .put("C5:D5", "label", "全年预算数").put("E5:F5", "label", "全年执行数")
                .put("G5:H5", "label", "预算执行率（%）").put("I5", "label", "得分")
                .put("C6:D6", "number", "${/funds/budget}").put("E6:F6", "number", "${/funds/executed}")
                .put("G6:H6", "number", "${/funds/executionRate}").put("I6", "number", "${/funds/score}");
        g.put("A7:B7", "label", "总分").put("C7:D7", "number", "${/summary/total}")
                .put("E7:F7", "label", "自评等级").put("G7:I7", "center", "${/summary/grade}");
        g.put("A8:B8", "label", "自评结论").put("C8:I8", "text", "${/summary/conclusion}");
        for (int r = 2; r < 8; r++) {
            g.height(r, 22);
        }
        g.put("A9", "plain", "${blocks}");
        g.sections(new String[][] {
                {"table", "/indicators", "绩效指标", "绩效指标", "level2 name target actual score deviationReason deviationNote improvement"}});
        return g;
    }

    private static LayoutTemplateGenerator deptOverall() {
        var g = new LayoutTemplateGenerator("绩效目标表");
        g.put("A1:I1", "title", "${/header/year}年部门整体支出绩效目标申报表").height(0, 32);
        g.put("H2:I2", "plain", "单位：万元");
        g.put("A3:B3", "label", "部门名称").put("C3:I3", "text", "${/header/department}").height(2, 22);
        g.put("A4:B4", "label", "填报人").put("C4:E4", "text", "${/header/filler}")
                .put("F4", "label", "联系电话").put("G4:I4", "text", "${/header/phone}").height(3, 22);
        g.put("A5:I5", "label", "部门总体资金情况（万元）").height(4, 22);
        g.put("A6:B7", "label", "总体资金情况").put("C6:D7", "label", "当年预算收支").put("E6:E7", "label", "占比")
                .put("F6:I6", "label", "近两年收支情况")
                .put("F7:G7", "label", "${year-2}年").put("H7:I7", "label", "${year-1}年");
        String[][] rows = {{"income", "fiscal", "财政拨款"}, {"income", "other", "其他资金"}, {"income", "total", "合计"},
                {"expenditure", "basic", "基本支出"}, {"expenditure", "project", "项目支出"}, {"expenditure", "total", "合计"}};
        for (int i = 0; i < rows.length; i++) {
            int r = 8 + i;
            String p = "${/funds/" + rows[i][0] + "/" + rows[i][1];
            g.put("B" + r, "label", rows[i][2]).put("C" + r + ":D" + r, "number", p + "/budget}")
                    .put("E" + r, "percent", p + "/share}")
                    .put("F" + r + ":G" + r, "number", p + "/history/{year-2}}")
                    .put("H" + r + ":I" + r, "number", p + "/history/{year-1}}").height(r - 1, 20);
        }
        g.put("A8:A10", "label", "收入构成").put("A11:A13", "label", "支出构成");
        g.put("A14", "plain", "${blocks}");
        g.sections(new String[][] {
                {"text", "/functions", "部门职能概述"},
                {"list", "/annualTasks", "年度工作任务"},
                {"summary", "/longTermGoals /annualGoals", "整体绩效目标", "长期目标 年度目标"},
                {"goals", "/longTermGoals", "长期目标", "长期绩效指标", "level1 level2 name value standard"},
                {"goals", "/annualGoals", "年度目标", "年度绩效指标", "level1 level2 name value standard history expected"}});
        return g;
    }

    private static LayoutTemplateGenerator projectExpenditure() {
        var g = new LayoutTemplateGenerator("绩效目标表");
        g.put("A1:I1", "title", "项目支出绩效目标申报表").height(0, 32);
        g.put("A2:G2", "plain", "（${/header/year}年度）").put("H2:I2", "plain", "单位：万元");
        g.sheet.getRow(1).getCell(0).setCellStyle(g.style(false, HorizontalAlignment.CENTER, false, 11, null));
        g.put("A3:B3", "label", "项目名称").put("C3:I3", "text", "${/header/projectName}");
        g.put("A4:B4", "label", "主管部门").put("C4:E4", "text", "${/header/department}")
                .put("F4", "label", "实施单位").put("G4:I4", "text", "${/header/implementer}");
        g.put("A5:B5", "label", "项目属性").put("C5:E5", "text", "${/header/category}")
                .put("F5", "label", "项目期").put("G5:I5", "text", "${/header/period}");
        g.put("A6:B6", "label", "填报人").put("C6:E6", "text", "${/header/filler}")
                .put("F6", "label", "联系电话").put("G6:I6", "text", "${/header/phone}");
        g.put("A7:B9", "label", "项目资金（万元）")
                .put("C7:E7", "label", "年度资金总额").put("F7:I7", "number", "${/funds/total}")
                .put("C8:E8", "label", "其中：财政拨款").put("F8:I8", "number", "${/funds/fiscal}")
                .put("C9:E9", "label", "其他资金").put("F9:I9", "number", "${/funds/other}");
        g.put("A10:A11", "label", "总体目标")
                .put("B10", "label", "中长期目标").put("C10:I10", "text", "${/goals/longTerm}")
                .put("B11", "label", "年度目标").put("C11:I11", "text", "${/goals/annual}");
        for (int r = 2; r < 9; r++) {
            g.height(r, 22);
        }
        g.put("A12", "plain", "${blocks}");
        g.sections(new String[][] {
                {"table", "/indicators", "绩效指标", "绩效指标", "level1 level2 name value standard note"}});
        return g;
    }
}
