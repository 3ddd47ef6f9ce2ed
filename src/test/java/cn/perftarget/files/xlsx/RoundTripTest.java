package cn.perftarget.files.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.perftarget.definition.FormDefinition;

class RoundTripTest {

    @ParameterizedTest
    @CsvSource({
            "dept-overall, dept-overall-2020-huangpi-seed.json",
            "dept-overall, dept-overall-2020-huangpi-corrected.json",
            "project-expenditure, project-expenditure-2021-sample.json"})
    void exportThenImportGivesTheSameDocument(String formKey, String sample) {
        FormDefinition definition = Sheets.FORMS.latest(formKey).orElseThrow();
        var document = Sheets.sample(sample);

        var read = Sheets.read(definition, Sheets.export(definition, document));

        assertThat(Sheets.normal(read)).isEqualTo(Sheets.normal(document));
    }
}
