package cn.perftarget.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.perftarget.validation.RealCorpus.Form;

/**
 * The corpus of real published forms (forms/samples/real, index corpus.json, sources in its README): every form is
 * validated with the template version its budget year picks and its department in the context, and the figures of
 * each split are computed from the reports and the per-cell judgements and compared with the ones the README
 * publishes. The held-out third was fixed before any rule changed; its figures say whether a change generalises.
 */
class RealFormsCorpusTest {

    private static final List<Form> FORMS = RealCorpus.forms();

    @Test
    void corpusCoversEnoughPlacesLevelsTemplatesAndYears() {
        Set<String> provinces = FORMS.stream().map(Form::province).filter(p -> !p.equals("不明")).collect(Collectors.toSet());
        Set<String> levels = FORMS.stream().map(Form::level).collect(Collectors.toSet());
        Set<String> templates = FORMS.stream().map(Form::template).collect(Collectors.toSet());

        assertThat(FORMS).hasSize(41);
        assertThat(provinces).hasSize(16);
        assertThat(levels).containsExactlyInAnyOrder("province", "city", "district", "county", "township");
        assertThat(templates).containsExactlyInAnyOrder("dept-overall", "project-expenditure");
        assertThat(FORMS).allSatisfy(form -> assertThat(form.year()).isGreaterThanOrEqualTo(2019));
        assertThat(FORMS).allSatisfy(form -> assertThat(form.source()).startsWith("http"));
    }

    @Test
    void everyJudgedCellExistsInItsForm() {
        for (Form form : FORMS) {
            var document = form.document();
            form.judgements().keySet().stream().filter(place -> !place.contains(" "))
                    .forEach(place -> assertThat(document.at(place).isMissingNode()).as(form.file() + " " + place).isFalse());
        }
    }

    @Test
    void splitIsTheFixedOneAThirdHeldOut() {
        for (Form form : FORMS) {
            long crc = crc32(form.file());
            assertThat(form.split()).as(form.file()).isEqualTo(crc % 3 == 0 ? RealCorpus.HELD_OUT : RealCorpus.TUNE);
        }
    }

    @Test
    void tuneFigures() {
        var figures = CorpusFigures.of(FORMS, RealCorpus.TUNE);
        System.out.println("Real forms corpus, tune: " + figures.table());

        assertThat(List.of(figures.forms, figures.cells, figures.correctCells)).containsExactly(24, 855, 818);
        // Before issue 21's rules (main at a7588de): 27 false errors, 30 of 39 defects flagged (README, "Figures").
        assertThat(figures.falseErrors()).isZero();
        assertThat(List.of(figures.flagged(), figures.defects())).containsExactly(34, 39);
        assertThat(perKind(figures)).isEqualTo(Map.ofEntries(
                Map.entry("category", "0 1/1"), Map.entry("cost-direction", "0 1/1"), Map.entry("cost-qualitative", "0 2/2"),
                Map.entry("date-serial", "0 2/2"), Map.entry("empty", "0 18/18"),
                Map.entry("other", "0 2/4"), Map.entry("percent", "0 1/1"),
                Map.entry("quantitative", "0 1/1"), Map.entry("semantics", "0 0/0"), Map.entry("structure", "0 2/2"),
                Map.entry("unit-name", "0 1/2"), Map.entry("value", "0 3/5")));
        assertThat(figures.falseWarnings()).isEqualTo(30);
    }

    @Test
    void heldOutFigures() {
        var figures = CorpusFigures.of(FORMS, RealCorpus.HELD_OUT);
        System.out.println("Real forms corpus, held-out: " + figures.table());

        assertThat(List.of(figures.forms, figures.cells, figures.correctCells)).containsExactly(17, 629, 597);
        // Before issue 21's rules (main at a7588de): 6 false errors, 20 of 32 defects flagged (README, "Figures").
        assertThat(figures.falseErrors()).isEqualTo(1);
        assertThat(List.of(figures.flagged(), figures.defects())).containsExactly(29, 32);
        assertThat(perKind(figures)).isEqualTo(Map.ofEntries(
                Map.entry("bare-unit", "0 5/5"), Map.entry("category", "1 1/1"), Map.entry("cost-qualitative", "0 3/3"),
                Map.entry("empty", "0 11/11"), Map.entry("names", "0 1/1"), Map.entry("other", "0 2/3"),
                Map.entry("percent", "0 1/1"), Map.entry("period", "0 1/1"), Map.entry("semantics", "0 0/0"),
                Map.entry("structure", "0 0/0"), Map.entry("unit-name", "0 2/3"), Map.entry("value", "0 2/3")));
        assertThat(figures.falseWarnings()).isEqualTo(19);
    }

    /** Per kind: "falseErrors flagged/defects". */
    private static Map<String, String> perKind(CorpusFigures figures) {
        Map<String, String> out = new TreeMap<>();
        figures.byKind.forEach((kind, t) -> out.put(kind, t.falseErrors + " " + t.flagged + "/" + t.defects));
        return out;
    }

    private static long crc32(String text) {
        var crc = new java.util.zip.CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
