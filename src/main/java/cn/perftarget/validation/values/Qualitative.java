package cn.perftarget.validation.values;

import cn.perftarget.validation.rule.Subject;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether an indicator value is qualitative: 定性：…, one of the grades, or a plain phrase without number or unit. */
public final class Qualitative {

    private Qualitative() {
    }

    public static boolean is(Subject subject, String text, Set<String> grades, List<Pattern> phrases) {
        var measure = subject.measure(text);
        if (measure.isPresent()) {
            return measure.get().isQualitative();
        }
        return grades.contains(text) || ValueFormatRule.matchesAny(phrases, text);
    }
}
