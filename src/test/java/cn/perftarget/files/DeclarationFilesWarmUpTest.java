package cn.perftarget.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.ApplicationTest;
import cn.perftarget.files.xlsx.Layouts;

/** The background warm-up renders a real PDF of every template that has an official layout. */
@ApplicationTest
class DeclarationFilesWarmUpTest {

    @Autowired
    DeclarationFiles files;
    @Autowired
    Layouts layouts;

    @Test
    void warmUpRendersAnEmptyFormOfEachLaidOutTemplate() {
        var sizes = files.warmUp();

        var laidOut = layouts.latest().keySet().stream().map(d -> d.key()).distinct().toList();
        assertThat(sizes.keySet()).containsExactlyInAnyOrderElementsOf(laidOut).contains("dept-overall");
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isGreaterThan(1000));
    }
}
