package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

@ApplicationTest
class UniquenessBackfillTest {

    @Autowired
    Api api;

    @Autowired
    UniquenessBackfill backfill;

    @Autowired
    JdbcTemplate jdbc;

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
}
