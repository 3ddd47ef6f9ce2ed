package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTest {

    @ParameterizedTest(name = "If-Match {0} vs revision 3 -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"3\"        | true",
            "W/\"3\"      | true",
            "3            | true",
            "*            | true",
            "\"2\", \"3\" | true",
            "\"2\"        | false",
            "\"33\"       | false",
            "\"\"         | false"})
    void matchesOnlyTheCurrentRevision(String ifMatch, boolean expected) {
        assertThat(EntityTags.matches(ifMatch, 3)).isEqualTo(expected);
    }
}
