package cn.perftarget.files.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * src/test/resources/files/clerk-dept-overall-2021.xlsx was typed cell by cell (with POI, by a throwaway program
 * that is not kept, not from our template or exporter) the way a clerk's sheet looks: numbers and percentages as
 * text, percent-formatted fractions, a phone stored as a number, full-width digits, trailing spaces, a line break
 * inside 一级指标, 一级指标 merged in some tables and left blank in others, ASCII colon in a goal title, a stray
 * blank row. The expected document next to it was written by hand.
 */
class ClerkSheetTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ClerkSheetTest.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClerksSheetInTheOfficialLayoutGivesTheExpectedDocument() throws IOException {
        JsonNode expected = Sheets.JSON.readTree(resource("clerk-dept-overall-2021.expected.json"));

        var read = Sheets.SheetReaderAccess.read(resource("clerk-dept-overall-2021.xlsx"), 2021);

        assertThat(Sheets.normal(read)).isEqualTo(Sheets.normal(expected));
    }
}
