package cn.perftarget.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * The list pages show 50 rows at a time under a pager (上一页/下一页, 共 N 条) whose links keep the filters. Budget
 * year 2082, which no other test uses.
 */
@ApplicationTest
class ListPagerPageTest {

    private static final int YEAR = 2082;
    private static final Pattern ROW_LINK = Pattern.compile("<td><a href=\"/declarations/(\\d+)\">\\d+</a></td>");

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void theDeclarationsPageShowsFiftyNewestFirstAndPagesOnWithTheFiltersKept() {
        var created = new ArrayList<Long>();
        for (int i = 0; i < 51; i++) {
            var response = api.as("filer1").post("/api/declarations", Map.of("formKey", "dept-overall", "year", YEAR));
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            created.add(0, response.body().path("id").asLong());
        }
        var filer = new PageSession(port);
        filer.login("filer1", Api.PASSWORD);

        String first = filer.get("/declarations?year=" + YEAR + "&status=DRAFT").body();
        assertThat(rows(first)).containsExactlyElementsOf(created.subList(0, 50));
        assertThat(first).contains("共 51 条", "第 1 / 2 页", "href=\"/declarations?year=" + YEAR + "&amp;status=DRAFT&amp;page=1\"")
                .doesNotContain("id=\"pager-prev\"");

        String second = filer.get("/declarations?year=" + YEAR + "&status=DRAFT&page=1").body();
        assertThat(rows(second)).containsExactly(created.get(50));
        assertThat(second).contains("共 51 条", "第 2 / 2 页", "href=\"/declarations?year=" + YEAR + "&amp;status=DRAFT&amp;page=0\"")
                .doesNotContain("id=\"pager-next\"");

        assertThat(rows(filer.get("/declarations?year=" + YEAR + "&page=abc").body())).hasSize(50);
    }

    @Test
    void theInboxHasThePagerAndCountsEveryTask() {
        var dept = new PageSession(port);
        dept.login("dept1", Api.PASSWORD);
        var total = api.as("dept1").get("/api/tasks").headers().getFirst("X-Total-Count");

        String inbox = dept.get("/tasks").body();
        assertThat(inbox).contains("id=\"pager\"", "共 " + total + " 条", "（" + total + " 件）");
    }

    private static List<Long> rows(String html) {
        var ids = new ArrayList<Long>();
        var matcher = ROW_LINK.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
