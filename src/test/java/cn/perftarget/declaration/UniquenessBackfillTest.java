package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;
import cn.perftarget.MeetingPoint;
import cn.perftarget.definition.FormDefinitions;

@ApplicationTest
class UniquenessBackfillTest {

    @Autowired
    Api api;

    @Autowired
    UniquenessBackfill backfill;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Declarations declarations;
    @Autowired
    DocumentStore documents;
    @Autowired
    FormDefinitions forms;
    @Autowired
    DeclarationKeys keys;
    @Autowired
    PlatformTransactionManager transactions;

    private long create(int year) {
        var created = api.as("filer2").post("/api/declarations", Map.of("formKey", "dept-overall", "year", year));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private String key(long id) {
        return jdbc.queryForObject("select uniqueness_key from declaration where id = ?", String.class, id);
    }

    @Test
    void declarationsFiledBeforeKeysExistedGetThemAndTheOlderOfTwoDuplicatesKeepsIt() {
        long older = create(2077);
        long younger = create(2077);
        long alone = create(2078);
        api.freeUniquenessKeys();

        backfill.assignMissingKeys();

        assertThat(key(older)).hasSize(64);
        assertThat(key(younger)).isNull();
        assertThat(key(alone)).hasSize(64).isNotEqualTo(key(older));
        var again = api.as("filer2").send("POST", "/api/declarations", "{\"formKey\":\"dept-overall\",\"year\":2077}",
                Map.of("Content-Type", "application/json"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.body().at("/existing/id").asLong()).isEqualTo(older);
    }

    @Test
    void twoNodesStartedTogetherBothStartAndTheOlderOfTwoDuplicatesKeepsTheKey() {
        long older = create(2079);
        long younger = create(2079);
        jdbc.update("update declaration set uniqueness_key = null where id in (?, ?)", older, younger);
        // Each node reads the declarations without a key and then waits (briefly) for the other to have read them
        // too: unless the read makes the other wait, both give the same declarations their keys.
        var bothRead = new CyclicBarrier(2);

        var first = CompletableFuture.runAsync(() -> backfill(bothRead));
        var second = CompletableFuture.runAsync(() -> backfill(bothRead));

        assertThat(first).succeedsWithin(Duration.ofSeconds(30));
        assertThat(second).succeedsWithin(Duration.ofSeconds(30));
        assertThat(key(older)).hasSize(64);
        assertThat(key(younger)).isNull();
    }

    private void backfill(CyclicBarrier bothRead) {
        var meeting = MeetingPoint.after(Declarations.class, declarations, "findByUniquenessKeyIsNullOrderByIdAsc", bothRead);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                new UniquenessBackfill(meeting, documents, forms, keys).assignMissingKeys());
    }
}
