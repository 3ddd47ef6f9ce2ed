package cn.perftarget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical SHA-256 of one audit event: deterministic, sensitive to every field, and free of ambiguity. */
class EventHashTest {

    /** The fields in EventHash.of's order, with a value and a different value of the same type for each. */
    private static final Object[] BASE = {42L, 3, Instant.parse("2026-11-26T08:00:00.123456Z"), "dept1",
            "DEPT_REVIEWER", "HP-BDC", 2020, "RETURNED", "DEPT_REVIEW", "RETURNED", 2, "联系电话请加区号", "中",
            "[\"/header/phone\"]", "a".repeat(64)};
    private static final Object[] OTHER = {43L, 4, Instant.parse("2026-11-26T08:00:00.123457Z"), "dept2",
            "FINANCE_REVIEWER", "HP-EDU", 2021, "APPROVED", "FINANCE_REVIEW", "APPROVED", 3, "联系电话请加区号。", "良",
            "[\"/header/fax\"]", "b".repeat(64)};

    private static String hash(Object... f) {
        return EventHash.of((Long) f[0], (Integer) f[1], (Instant) f[2], (String) f[3], (String) f[4], (String) f[5],
                (Integer) f[6], (String) f[7], (String) f[8], (String) f[9], (Integer) f[10], (String) f[11],
                (String) f[12], (String) f[13], (String) f[14]);
    }

    private static Object[] with(int index, Object value) {
        return shift(BASE, index, value);
    }

    @Test
    void sameContentGivesTheSameLowerCaseHexSha256() {
        String first = hash(BASE.clone());
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(hash(BASE.clone())).isEqualTo(first);
        assertThat(hash(with(3, new String("dept1")))).isEqualTo(first);
    }

    @ParameterizedTest(name = "field {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void changingAnyFieldChangesTheHash(int field) {
        assertThat(hash(with(field, OTHER[field]))).isNotEqualTo(hash(BASE));
    }

    @ParameterizedTest(name = "field {0}")
    @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
    void aMissingValueDiffersFromEveryTextIncludingTheEscapeOfNull(int field) {
        String missing = hash(with(field, null));
        assertThat(missing).isNotEqualTo(hash(BASE));
        if (BASE[field] instanceof String) {
            assertThat(missing).isNotEqualTo(hash(with(field, "\\0")))
                    .isNotEqualTo(hash(with(field, "")))
                    .isNotEqualTo(hash(with(field, "null")));
        }
    }

    @Test
    void aBarInsideAFieldCannotFakeABoundaryBetweenFields() {
        // Joined with "|" and nothing escaped, both would read "…|a|b|c|…".
        assertThat(hash(shift(with(3, "a|b"), 4, "c"))).isNotEqualTo(hash(shift(with(3, "a"), 4, "b|c")));
        // With "|" escaped but "\" not, both would read "…|a\|b|c\|d|…".
        var first = shift(shift(with(3, "a\\"), 4, "b"), 5, "c|d");
        var second = shift(shift(with(3, "a|b"), 4, "c\\"), 5, "d");
        assertThat(hash(first)).isNotEqualTo(hash(second));
    }

    private static Object[] shift(Object[] fields, int index, Object value) {
        var copy = fields.clone();
        copy[index] = value;
        return copy;
    }
}
