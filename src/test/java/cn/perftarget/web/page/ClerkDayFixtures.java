package cn.perftarget.web.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.perftarget.Api;
import cn.perftarget.Fixtures;
import cn.perftarget.files.xlsx.Sheets;

/** What the clerk's-day browser tests share: a person's name as pages show it, a unit's sheet to import. */
final class ClerkDayFixtures {

    private ClerkDayFixtures() {
    }

    static String nameOf(Api api, String username) {
        return api.as("admin").get("/api/admin/users").body().findParents("username").stream()
                .filter(u -> u.path("username").asText().equals(username)).findFirst().orElseThrow()
                .path("name").asText();
    }

    static Path sheet(Path temp, String department, int year) throws IOException {
        var document = Fixtures.validDocument(year);
        document.with("header").put("department", department);
        try (XSSFWorkbook book = Sheets.workbook(Sheets.DEPT, document)) {
            Path file = temp.resolve(department + "-" + year + ".xlsx");
            Files.write(file, Sheets.bytes(book));
            return file;
        }
    }
}
