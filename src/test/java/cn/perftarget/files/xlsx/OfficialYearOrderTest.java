package cn.perftarget.files.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.perftarget.files.pdf.PrintSheet;

/**
 * The 近两年 columns of the official layout run from the older year to the newer, labelled with the years, in the
 * xlsx and in its print view (the PDF is the print view), as on the page; a sheet filled in on the older form, which
 * lists the later year first, still reads each value into the year its heading names.
 */
class OfficialYearOrderTest {

    private static ObjectNode withFundHistory() {
        ObjectNode document = Sheets.sample("dept-overall-2020-huangpi-corrected.json");
        ((ObjectNode) document.at("/funds/income/fiscal")).putObject("history").put("2018", 11).put("2019", 22);
        return document;
    }

    @Test
    void theFundsHistoryRunsFromTheOlderYearToTheNewerInTheSheet() {
        try (var book = Sheets.workbook(Sheets.DEPT, withFundHistory())) {
            Sheet sheet = book.getSheet("绩效目标表");
            assertThat(text(sheet, 6, 5)).isEqualTo("2018年");
            assertThat(text(sheet, 6, 7)).isEqualTo("2019年");
            assertThat(sheet.getRow(7).getCell(5).getNumericCellValue()).isEqualTo(11);
            assertThat(sheet.getRow(7).getCell(7).getNumericCellValue()).isEqualTo(22);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePrintViewShowsTheFundsHistoryAndTheIndicatorYearsInTheSameOrder() {
        try (var book = Sheets.workbook(Sheets.DEPT, withFundHistory())) {
            var print = PrintSheet.of(book.getSheet("绩效目标表"), Sheets.layout(Sheets.DEPT).columns());
            List<List<String>> rows = print.rows().stream()
                    .map(r -> r.cells().stream().map(PrintSheet.PrintCell::text).filter(t -> !t.isBlank()).toList()).toList();
            int heading = rows.indexOf(rows.stream().filter(r -> r.contains("近两年收支情况")).findFirst().orElseThrow());
            assertThat(rows.get(heading + 1)).containsExactly("2018年", "2019年");
            assertThat(rows.get(heading + 2)).containsSubsequence("11", "22");
            var indicatorYears = rows.stream().filter(r -> r.contains("近两年指标值")).map(rows::indexOf)
                    .map(i -> rows.get(i + 1)).toList();
            assertThat(indicatorYears).isNotEmpty().allSatisfy(r -> assertThat(r).containsExactly("2018年", "2019年"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} in F, {1} in H")
    @CsvSource({"2018, 2019", "2019, 2018"})
    void aSheetReadsEachHistoryValueIntoTheYearItsHeadingNames(int first, int second) {
        try (var book = Sheets.workbook(Sheets.DEPT, withFundHistory())) {
            Sheet sheet = book.getSheet("绩效目标表");
            sheet.getRow(6).getCell(5).setCellValue(first + "年");
            sheet.getRow(6).getCell(7).setCellValue(second + "年");
            sheet.getRow(7).getCell(5).setCellValue(first == 2018 ? 11 : 22);
            sheet.getRow(7).getCell(7).setCellValue(second == 2018 ? 11 : 22);

            var read = Sheets.read(Sheets.DEPT, Sheets.bytes(book));

            assertThat(read.at("/funds/income/fiscal/history/2018").asInt()).isEqualTo(11);
            assertThat(read.at("/funds/income/fiscal/history/2019").asInt()).isEqualTo(22);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
