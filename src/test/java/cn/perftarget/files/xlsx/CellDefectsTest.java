package cn.perftarget.files.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.perftarget.files.CellError;
import cn.perftarget.files.SheetProblemException;

/**
 * Cells as clerks' sheets hold them are read as the clerk meant them; a cell that still cannot be read is named
 * by sheet and address. Each test edits the exported corrected sample.
 */
class CellDefectsTest {

    private static JsonNode importEdited(Consumer<Sheet> edit) {
        try (XSSFWorkbook book = Sheets.workbook(Sheets.DEPT, Sheets.sample("dept-overall-2020-huangpi-corrected.json"))) {
            edit.accept(book.getSheet("绩效目标表"));
            return Sheets.read(Sheets.DEPT, Sheets.bytes(book));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CellError refused(Consumer<Sheet> edit) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SheetProblemException.class, () -> importEdited(edit));
        assertThat(thrown).as("the import is refused").isNotNull();
        return thrown.errors().get(0);
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Sheet sheet, String address) {
        var ref = new org.apache.poi.ss.util.CellReference(address);
        var row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }

    private static int rowOf(Sheet sheet, String columnAText) {
        for (var row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().startsWith(columnAText)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError(columnAText);
    }

    @Test
    void numbersStoredAsTextAreNumbersAndOtherTextInANumberCellIsNamedByItsCell() {
        var read = importEdited(s -> cell(s, "C8").setCellValue("242.98"));
        assertThat(read.at("/funds/income/fiscal/budget").decimalValue()).isEqualByComparingTo("242.98");

        var error = refused(s -> cell(s, "C8").setCellValue("二百四十二"));
        assertThat(error.cell()).isEqualTo("绩效目标表!C8");
        assertThat(error.path()).isEqualTo("/funds/income/fiscal/budget");
        assertThat(error.message()).startsWith("绩效目标表!C8：").contains("应为数字", "二百四十二");
    }

    @Test
    void percentStoredAsOneWithAPercentFormatOrTypedAsTextIsTheShownPercentage() {
        var read = importEdited(s -> {
            cell(s, "E8").setCellValue(0.748);
            cell(s, "E11").setCellValue("25.2%");
        });
        assertThat(read.at("/funds/income/fiscal/share").decimalValue()).isEqualByComparingTo("74.8");
        assertThat(read.at("/funds/expenditure/basic/share").decimalValue()).isEqualByComparingTo("25.2");
        int annual = rowOf(Importer.sheetOf(), "年度目标 1：");
        var asPercent = importEdited(s -> {
            var c = cell(s, "I" + (annual + 4));
            c.setCellValue(1.0);
            c.setCellStyle(s.getRow(7).getCell(4).getCellStyle());
        });
        assertThat(asPercent.at("/annualGoals/0/indicators/0/expected").asText()).isEqualTo("100%");

        var error = refused(s -> cell(s, "E8").setCellValue("百分之百"));
        assertThat(error.cell()).isEqualTo("绩效目标表!E8");
        assertThat(error.path()).isEqualTo("/funds/income/fiscal/share");
    }

    @Test
    void datesStoredAsSerialsReadAsDatesAndADateInAnAmountCellIsNamed() {
        int annual = rowOf(Importer.sheetOf(), "年度目标 2：");
        String valueCell = "E" + (annual + 5);
        var read = importEdited(s -> {
            var c = cell(s, valueCell);
            c.setCellValue(LocalDate.of(2020, 6, 30));
            var style = s.getWorkbook().createCellStyle();
            style.setDataFormat(s.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            c.setCellStyle(style);
        });
        assertThat(read.at("/annualGoals/1/indicators/1/value").asText()).isEqualTo("2020-06-30");

        var error = refused(s -> {
            var c = cell(s, "C9");
            c.setCellValue(LocalDate.of(2020, 1, 1));
            var style = s.getWorkbook().createCellStyle();
            style.setDataFormat(s.getWorkbook().createDataFormat().getFormat("yyyy/m/d"));
            c.setCellStyle(style);
        });
        assertThat(error.cell()).isEqualTo("绩效目标表!C9");
        assertThat(error.message()).contains("日期", "2020-01-01");
    }

    @Test
    void aLevel1LeftBlankInsteadOfMergedIsTheOneAboveAndAMissingTableHeaderIsNamed() {
        var original = Sheets.normal(Sheets.sample("dept-overall-2020-huangpi-corrected.json"));
        int goal = rowOf(Importer.sheetOf(), "长期目标 1：");
        var read = importEdited(s -> {
            for (int i = s.getNumMergedRegions() - 1; i >= 0; i--) {
                CellRangeAddress region = s.getMergedRegion(i);
                if (region.getFirstColumn() == 1 && region.getLastColumn() == 1 && region.getFirstRow() > goal) {
                    s.removeMergedRegion(i);
                }
            }
        });
        assertThat(Sheets.normal(read)).isEqualTo(original);

        var error = refused(s -> cell(s, "B" + (goal + 2)).setCellValue("指标类别"));
        assertThat(error.cell()).isEqualTo("绩效目标表!B" + (goal + 2));
        assertThat(error.path()).isEqualTo("/longTermGoals/0/indicators");
        assertThat(error.message()).contains("一级指标");
    }

    @Test
    void trailingAndIdeographicSpacesAreDroppedButStillNoNumberIsNamed() {
        int goal = rowOf(Importer.sheetOf(), "长期目标 1：");
        var read = importEdited(s -> {
            cell(s, "G4").setCellValue("85916419  ");
            cell(s, "D" + (goal + 3)).setCellValue("政务网络安全运行维护达标率　 ");
            cell(s, "C10").setCellValue(" 242.98　");
        });
        assertThat(read.at("/header/phone").asText()).isEqualTo("85916419");
        assertThat(read.at("/longTermGoals/0/indicators/0/name").asText()).isEqualTo("政务网络安全运行维护达标率");
        assertThat(read.at("/funds/income/total/budget").decimalValue()).isEqualByComparingTo("242.98");

        var error = refused(s -> cell(s, "C10").setCellValue(" 242.98 元整 "));
        assertThat(error.cell()).isEqualTo("绩效目标表!C10");
        assertThat(error.path()).isEqualTo("/funds/income/total/budget");
    }

    @Test
    void fullWidthDigitsAreDigitsAndAFullWidthTitleYearIsTheYear() {
        var read = importEdited(s -> {
            cell(s, "A1").setCellValue("２０２０年部门整体支出绩效目标申报表");
            cell(s, "C8").setCellValue("２４２．９８");
            cell(s, "G4").setCellValue("８５９１６４１９");
        });
        assertThat(read.at("/header/year").asInt()).isEqualTo(2020);
        assertThat(read.at("/funds/income/fiscal/budget").decimalValue()).isEqualByComparingTo("242.98");
        assertThat(read.at("/header/phone").asText()).isEqualTo("85916419");

        var error = refused(s -> cell(s, "A1").setCellValue("二〇二〇年部门整体支出绩效目标申报表"));
        assertThat(error.cell()).isEqualTo("绩效目标表!A1");
        assertThat(error.path()).isEqualTo("/header/year");
        var badDigits = refused(s -> cell(s, "C8").setCellValue("２４２。９８"));
        assertThat(badDigits.cell()).isEqualTo("绩效目标表!C8");
    }

    @Test
    void everyBadCellIsReportedAtOnceAndAFileThatIsNoWorkbookIsRefused() {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SheetProblemException.class, () -> importEdited(s -> {
            cell(s, "C8").setCellValue("abc");
            cell(s, "C12").setCellValue("def");
        }));
        assertThat(thrown.errors()).extracting(CellError::cell).containsExactly("绩效目标表!C8", "绩效目标表!C12");
        assertThatThrownBy(() -> Sheets.read(Sheets.DEPT, "不是表格".getBytes()))
                .isInstanceOf(SheetProblemException.class).hasMessageContaining("不是有效的 Excel");
    }

    /** The exported sample's sheet, to find rows by their column A text. */
    private static final class Importer {
        static Sheet sheetOf() {
            return Sheets.workbook(Sheets.DEPT, Sheets.sample("dept-overall-2020-huangpi-corrected.json")).getSheet("绩效目标表");
        }
    }
}
