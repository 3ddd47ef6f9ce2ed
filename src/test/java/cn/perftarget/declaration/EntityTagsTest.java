package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTest {

    @ParameterizedTest(name = "If-Match {0} vs revision 3 -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"3\"              | MATCH",
            "\"2\", \"3\"       | MATCH",
            "W/\"2\", \"3\"     | MATCH",
            "W/\"3\"            | ONLY_WEAK",
            "W/\"3\", W/\"4\"   | ONLY_WEAK",
            "W/\"3\", \"4\"     | NO_MATCH",
            "*                  | ANY",
            "\"2\"              | NO_MATCH",
            "\"33\"             | NO_MATCH",
            "\"03\"             | NO_MATCH",
            "\"\"               | NO_MATCH",
            "3                  | MALFORMED",
            "\"3                | MALFORMED",
            "\"3\",             | MALFORMED",
            "\"3\" \"4\"        | MALFORMED",
            "w/\"3\"            | MALFORMED",
            "\"3\", *           | MALFORMED"})
    void comparesStrongTagsOnly(String ifMatch, EntityTags.Verdict expected) {
        assertThat(EntityTags.check(ifMatch, 3)).isEqualTo(expected);
    }
}
