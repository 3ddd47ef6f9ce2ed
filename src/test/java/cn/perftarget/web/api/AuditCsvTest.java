package cn.perftarget.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.perftarget.audit.AuditRecord;

/** The CSV an auditor downloads: one RFC 4180 row per event that Excel opens as UTF-8 and never runs as a formula. */
class AuditCsvTest {

    /** The application writes Asia/Shanghai with its offset (declaration.LocalTimes); here any such function will do. */
    private static final Function<Instant, String> TIMES = t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .format(t.atZone(ZoneId.of("Asia/Shanghai")).withNano(0));


    private static final String HEADER = "\uFEFF编号,申报表,链序号,时间,操作人,角色,部门,年度,操作,原状态,新状态,修订号,意见,等级,详情,哈希\r\n";

    private static AuditEventView returned(String comment) {
        return new AuditEventView(new AuditRecord(7, 3L, 4, Instant.parse("2026-11-26T08:00:00.123456Z"), "dept1",
                "DEPT_REVIEWER", "HP-BDC", 2020, "RETURNED", "退回修改", "DEPT_REVIEW", "RETURNED", 2, comment, null,
                "[\"/header/phone\"]", "ab".repeat(32)), "王主管", "主管部门审核人", "黄陂区大数据中心", "主管部门审核中", "已退回",
                "涉及：联系电话");
    }

    /** The 意见 cell of the one row written for an event with this comment. */
    private static String commentCell(String comment) {
        var csv = new AuditCsv(TIMES);
        csv.add(returned(comment));
        String row = csv.toString().substring(HEADER.length());
        String prefix = "7,3,4,2026-11-26T16:00:00+08:00,王主管,主管部门审核人,黄陂区大数据中心,2020,退回修改,主管部门审核中,已退回,2,";
        String suffix = ",,涉及：联系电话," + "ab".repeat(32) + "\r\n";
        assertThat(row).startsWith(prefix).endsWith(suffix);
        return row.substring(prefix.length(), row.length() - suffix.length());
    }

    @Test
    void emptyExportIsTheByteOrderMarkAndTheChineseHeader() {
        assertThat(new AuditCsv(TIMES).toString()).isEqualTo(HEADER);
    }

    @Test
    void missingValuesAreEmptyCells() {
        var csv = new AuditCsv(TIMES);
        csv.add(new AuditEventView(new AuditRecord(1, 0L, 1, Instant.parse("2026-11-26T08:00:00Z"), "auditor1",
                "AUDITOR", null, null, "EXPORTED", "导出审计记录", null, null, null, null, null, "导出 0 条", "cd".repeat(32)),
                "审计人员", "审计", null, null, null, "导出 0 条"));
        assertThat(csv.toString()).isEqualTo(HEADER
                + "1,0,1,2026-11-26T16:00:00+08:00,审计人员,审计,,,导出审计记录,,,,,,导出 0 条," + "cd".repeat(32) + "\r\n");
    }

    @Test
    void everyCellIsInWordsAndTheTimeInShanghaiWithItsOffset() {
        var csv = new AuditCsv(TIMES);
        csv.add(new AuditEventView(new AuditRecord(2, 5L, 1, Instant.parse("2026-12-05T07:41:31.471850Z"), "filer1",
                "FILER", "HP-BDC", 2020, "CREATED", "创建", null, "DRAFT", 1, null, null, null, "ef".repeat(32)),
                "张春红", "填报人", "黄陂区大数据中心", null, "草稿", null));
        assertThat(csv.toString()).isEqualTo(HEADER
                + "2,5,1,2026-12-05T15:41:31+08:00,张春红,填报人,黄陂区大数据中心,2020,创建,,草稿,1,,,," + "ef".repeat(32) + "\r\n");
    }

    @Test
    void plainTextStaysUnquoted() {
        assertThat(commentCell("联系电话请加区号，谢谢")).isEqualTo("联系电话请加区号，谢谢");
        assertThat(commentCell(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "comma | a, b          | \"a, b\"",
            "quote | 核对\"平台\"     | \"核对\"\"平台\"\"\"",
            "both  | x, \"y\"        | \"x, \"\"y\"\"\""})
    void commasAndQuotesAreQuotedWithQuotesDoubled(String name, String comment, String cell) {
        assertThat(commentCell(comment)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"000A", "000D", "2028", "2029", "0085"})
    void aCommaAfterALineBreakOfAnyKindIsStillQuoted(String codePoint) {
        String breakChar = Character.toString(Integer.parseInt(codePoint, 16));
        String comment = "第一行" + breakChar + "第二行, 第三行";
        assertThat(commentCell(comment)).isEqualTo("\"" + comment + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)"})
    void formulaStartIsDefusedWithAnApostrophe(String comment) {
        assertThat(commentCell(comment)).isEqualTo("'" + comment);
        assertThat(commentCell(comment + ", 请核对")).isEqualTo("\"'" + comment + ", 请核对\"");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000D"})
    void leadingTabOrCarriageReturnIsDefusedToo(String codePoint) {
        String comment = Character.toString(Integer.parseInt(codePoint, 16)) + "=cmd|' /C calc'!A0";
        String cell = commentCell(comment);
        assertThat(cell).startsWith(codePoint.equals("000D") ? "\"'" : "'");
        assertThat(cell).contains("'" + comment);
    }

    @Test
    void tabOrCarriageReturnInsideTheTextIsLeftAlone() {
        assertThat(commentCell("电话\t号码")).isEqualTo("电话\t号码");
        assertThat(commentCell("电话\r号码")).isEqualTo("\"电话\r号码\"");
    }
}
