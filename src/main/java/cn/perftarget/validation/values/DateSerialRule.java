package cn.perftarget.validation.values;

import cn.perftarget.validation.rule.Findings;
import cn.perftarget.validation.rule.Relative;
import cn.perftarget.validation.rule.RuleSpec;
import cn.perftarget.validation.rule.Selector;
import cn.perftarget.validation.rule.Subject;
import cn.perftarget.validation.rule.Values;

import cn.perftarget.validation.rule.Rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code dateSerial}: a whole number without unit between the dates {@code from} and {@code to}
 * (ISO, e.g. 2010-01-01) read as Excel date serials is a date that Excel stored as its serial number and the
 * sheet printed as a number ({@code =44,561} is 2021-12-31). With {@code nameField}, a number whose indicator
 * name carries its unit (实施面积(亩) = 50000) is a quantity, not a date.
 */
public final class DateSerialRule implements Rule {

    // Day 0 of Excel's 1900 date system for every serial after its phantom 1900-02-29, the only ones in range.
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private final RuleSpec spec;
    private final List<Selector> fields;
    private final long from;
    private final long to;
    private final String nameField;

    private DateSerialRule(RuleSpec spec, List<Selector> fields, long from, long to, String nameField) {
        this.spec = spec;
        this.fields = fields;
        this.from = from;
        this.to = to;
        this.nameField = nameField;
    }

    public static DateSerialRule compile(RuleSpec spec) {
        var fields = Relative.selectors(spec, "fields", List.of("value"));
        long from = serial(spec, "from", "2010-01-01");
        long to = serial(spec, "to", "2049-12-31");
        if (from > to) {
            throw spec.problem("to", "\"to\" must not be before \"from\"");
        }
        String nameField = spec.optionalText("nameField", null);
        spec.provide(Set.of("field", "value", "date"));
        spec.noOtherParameters();
        return new DateSerialRule(spec, fields, from, to, nameField);
    }

    private static long serial(RuleSpec spec, String name, String fallback) {
        String text = spec.optionalText(name, fallback);
        try {
            return LocalDate.parse(text).toEpochDay() - EPOCH.toEpochDay();
        } catch (DateTimeParseException e) {
            throw spec.problem(name, "\"" + text + "\" is not an ISO date such as 2010-01-01");
        }
    }

    @Override
    public void check(Subject subject, Findings findings) {
        for (var place : spec.targets(subject)) {
            // A name that carries its unit (营造林面积(亩)) says what the bare number counts: not a date.
            if (nameField != null && Units.ofName(Relative.text(place, nameField)) != null) {
                continue;
            }
            for (var field : Relative.select(fields, place)) {
                String text = Values.text(field.node());
                var measure = text == null ? null : subject.measure(text).orElse(null);
                if (measure == null || measure.isQualitative() || !measure.unit().isEmpty()) {
                    continue;
                }
                BigDecimal number = measure.number();
                if (number.signum() > 0 && number.stripTrailingZeros().scale() <= 0
                        && number.compareTo(BigDecimal.valueOf(from)) >= 0 && number.compareTo(BigDecimal.valueOf(to)) <= 0) {
                    LocalDate date = EPOCH.plusDays(number.longValueExact());
                    findings.add(spec, field.pointer(), Map.of("field", subject.name(field.pointer()), "value", text,
                            "date", date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"));
                }
            }
        }
    }
}
