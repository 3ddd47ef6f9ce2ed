package cn.perftarget.validation.values;


import cn.perftarget.validation.values.Measure.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasureTest {

    private static final Set<String> GRADES = Set.of("优", "良", "中", "差", "好", "较好", "达标");

    private static Measure parse(String text) {
        return Measure.parse(text, GRADES).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    private static void assertNumeric(Measure measure, Operator operator, String number, String unit) {
        assertThat(measure.operator()).isEqualTo(operator);
        // BigDecimal.equals is scale-sensitive, so this also pins the written scale.
        assertThat(measure.number()).isEqualTo(new BigDecimal(number));
        assertThat(measure.unit()).isEqualTo(unit);
        assertThat(measure.grade()).isNull();
        assertThat(measure.isQualitative()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ≥99%        | GE
            ≧99%        | GE
            >=99%       | GE
            ＞＝99%      | GE
            ＞=99%       | GE
            >＝99%       | GE
            大于等于99%   | GE
            不低于99%     | GE
            不少于99%     | GE
            不小于99%     | GE
            至少99%      | GE
            ≤99%        | LE
            ≦99%        | LE
            <=99%       | LE
            ＜＝99%      | LE
            小于等于99%   | LE
            不高于99%     | LE
            不超过99%     | LE
            不多于99%     | LE
            不大于99%     | LE
            至多99%      | LE
            =99%        | EQ
            ＝99%        | EQ
            等于99%      | EQ
            >99%        | GT
            ＞99%        | GT
            大于99%      | GT
            高于99%      | GT
            超过99%      | GT
            <99%        | LT
            ＜99%        | LT
            小于99%      | LT
            低于99%      | LT
            99%         | NONE
            """)
    void readsEveryOperatorForm(String text, Operator expected) {
        assertNumeric(parse(text), expected, "99", "%");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '≥ 99 %'          | GE   | 99        | %
            '＞＝ 95 ％'        | GE   | 95        | %
            98%               | NONE | 98        | %
            ９８％              | NONE | 98        | %
            ≥９９．５％          | GE   | 99.5      | %
            =100%             | EQ   | 100       | %
            >=3个             | GE   | 3         | 个
            ≤157.1万元         | LE   | 157.1     | 万元
            99.50%            | NONE | 99.50     | %
            0.0               | NONE | 0.0       | ''
            100               | NONE | 100       | ''
            007天              | NONE | 7         | 天
            1,000.5万元        | NONE | 1000.5    | 万元
            '1,234,567 元'     | NONE | 1234567   | 元
            '≥1,000 人次'       | GE   | 1000      | 人次
            -5                | NONE | -5        | ''
            ≥-0.5%            | GE   | -0.5      | %
            ＞－3℃             | GT   | -3        | ℃
            2小时              | NONE | 2         | 小时
            12家               | NONE | 12        | 家
            3套                | NONE | 3         | 套
            5项                | NONE | 5         | 项
            1年                | NONE | 1         | 年
            6月                | NONE | 6         | 月
            90分               | NONE | 90        | 分
            4次                | NONE | 4         | 次
            '30 次/年'          | NONE | 30        | 次/年
            30天以内            | LE   | 30        | 天
            '30 天 以内'        | LE   | 30        | 天
            5个工作日以下         | LE   | 5         | 个工作日
            90%以上             | GE   | 90        | %
            90以上              | GE   | 90        | ''
            ≥90%以上            | GE   | 90        | %
            不低于90%            | GE   | 90        | %
            大于90%以上          | GT   | 90        | %
            小于5天以内           | LT   | 5         | 天
            """)
    void readsNumbersUnitsAndSuffixes(String text, Operator operator, String number, String unit) {
        assertNumeric(parse(text), operator, number, unit);
    }

    @Test
    void acceptsFullWidthAndNoBreakSpacesBetweenParts() {
        assertNumeric(parse("\u3000≥\u300099\u3000％\u3000"), Operator.GE, "99", "%");
        assertNumeric(parse("\u00A0≤\u00A05\u00A0天以内"), Operator.LE, "5", "天");
        assertThat(parse("\u3000定性\u3000：\u3000较好\u3000").grade()).isEqualTo("较好");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            定性：较好        | 较好
            定性:较好         | 较好
            '定性 ： 良好 '    | 良好
            定性：满意度较高    | 满意度较高
            定性：≥90%        | ≥90%
            """)
    void readsQualitativeWithPrefix(String text, String grade) {
        Measure measure = Measure.parse(text, Set.of()).orElseThrow();

        assertThat(measure.grade()).isEqualTo(grade);
        assertThat(measure.operator()).isEqualTo(Operator.NONE);
        assertThat(measure.number()).isNull();
        assertThat(measure.unit()).isNull();
        assertThat(measure.isQualitative()).isTrue();
        assertThat(measure.isPercent()).isFalse();
        assertThat(measure.display()).isEqualTo(grade);
    }

    @ParameterizedTest
    @ValueSource(strings = {"优", "良", "中", "差", "好", "较好", "达标", " 达标 "})
    void readsBareGradeFromTheGivenSet(String text) {
        Measure measure = parse(text);

        assertThat(measure.grade()).isEqualTo(text.strip());
        assertThat(measure.operator()).isEqualTo(Operator.NONE);
        assertThat(measure.number()).isNull();
        assertThat(measure.unit()).isNull();
        assertThat(measure.isQualitative()).isTrue();
    }

    @Test
    void bareGradeIsOnlyAcceptedWhenInTheSet() {
        assertThat(Measure.parse("优", Set.of())).isEmpty();
        assertThat(Measure.parse("优", null)).isEmpty();
        assertThat(Measure.parse("优秀", GRADES)).isEmpty();
        assertThat(Measure.parse("优秀", Set.of("优秀"))).get().extracting(Measure::grade).isEqualTo("优秀");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "\u3000", "\t\n",
            "... ...", "指标", "98%%", "98％%", "≥", "abc", "9 8%", "≥≤5", "≥ ≤5", "> = 5",
            "定性", "定性：", "定性：\u3000 ", "定性较好",
            "大于", "以上", "约99%", "99 ≥", "+5", "- 5", ".5", "99.", "99..5", "1.2.3",
            "1,00", "1,0000", "1000,000", "1,000,00", "1,000.", "5,个", "5，个", "98%元", "元98",
            "5-10个", "5~10个", "十个", "5个个个个个个个个个个个", "٩٩%",
    })
    void rejectsAnythingElse(String text) {
        assertThat(Measure.parse(text, GRADES)).isEmpty();
    }

    @Test
    void acceptsUnitOfExactlyTenCharacters() {
        assertNumeric(parse("5个个个个个个个个个个"), Operator.NONE, "5", "个个个个个个个个个个");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ≥99%           | true
            98％            | true
            '＞＝ 95 ％'     | true
            ≤157.1万元      | false
            100            | false
            5‰             | false
            """)
    void knowsPercent(String text, boolean percent) {
        assertThat(parse(text).isPercent()).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ≥99%          | ≥99%
            '＞＝ 95 ％'    | ≥95%
            ≧９９．５０％     | ≥99.50%
            ≤157.1万元     | ≤157.1万元
            不超过157.1万元   | ≤157.1万元
            =100%         | =100%
            等于100%       | =100%
            >3个          | >3个
            低于5天         | <5天
            98%           | 98%
            30天以内        | ≤30天
            90%以上         | ≥90%
            1,000.50万元    | 1000.50万元
            100           | 100
            -5            | -5
            定性：较好       | 较好
            优             | 优
            """)
    void displaysCanonicalForm(String text, String display) {
        assertThat(parse(text).display()).isEqualTo(display);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ≥99%       | 99%       | GE | true
            ≥99%       | 99.00%    | GE | true
            ≥99%       | 99.5%     | GE | true
            ≥99%       | 98.99%    | GE | false
            ≥99%       | 100%      | LE | true
            >99%       | 99%       | GE | false
            >99%       | 99.01%    | GE | true
            ≤157.1万元  | 157.1万元  | GE | true
            ≤157.1万元  | 157.10万元 | GE | true
            ≤157.1万元  | 150万元    | GE | true
            ≤157.1万元  | 157.11万元 | GE | false
            <10天       | 10天      | GE | false
            <10天       | 9.9天     | GE | true
            =99%       | 99.0%     | GE | true
            =99%       | 99%       | GE | true
            =99%       | 99.1%     | GE | false
            =99%       | 98.9%     | GE | false
            99%        | 99%       | GE | true
            99%        | 100%      | GE | true
            99%        | 98%       | GE | false
            99%        | 99%       | LE | true
            99%        | 98%       | LE | true
            99%        | 100%      | LE | false
            99%        | 99%       | EQ | true
            99%        | 99.5%     | GT | true
            99%        | 99%       | GT | false
            99%        | 98%       | LT | true
            30天以内     | 30天      | GE | true
            30天以内     | 31天      | GE | false
            90%以上      | 89%       | LE | false
            3          | 3         | GE | true
            -5         | -4.9      | LE | false
            """)
    void checksAchievedAgainstTarget(String target, String achieved, Operator whenNone, boolean met) {
        assertThat(parse(target).isMetBy(parse(achieved), whenNone)).isEqualTo(met);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ≥99%       | 99个
            ≥99%       | 99
            99         | 99%
            ≥100万元    | 100元
            ≤30天       | 30小时
            """)
    void differentUnitsNeverMeet(String target, String achieved) {
        assertThat(parse(target).isMetBy(parse(achieved), Operator.GE)).isFalse();
        assertThat(parse(target).isMetBy(parse(achieved), Operator.LE)).isFalse();
    }

    @Test
    void qualitativeNeverMeets() {
        assertThat(parse("定性：较好").isMetBy(parse("较好"), Operator.GE)).isFalse();
        assertThat(parse("优").isMetBy(parse("优"), Operator.EQ)).isFalse();
        assertThat(parse("≥99%").isMetBy(parse("定性：较好"), Operator.GE)).isFalse();
        assertThat(parse("≥99%").isMetBy(null, Operator.GE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = "NONE")
    @NullSource
    void whenNoneMustBeARealOperator(Operator whenNone) {
        Measure target = parse("99%");

        assertThatThrownBy(() -> target.isMetBy(parse("99%"), whenNone))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operatorSymbols() {
        assertThat(Operator.values()).extracting(Operator::symbol)
                .containsExactly("≥", "≤", "=", ">", "<", "");
    }

    @Test
    void constructorRequiresEitherNumberOrGrade() {
        assertThatThrownBy(() -> new Measure(Operator.NONE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Measure(Operator.NONE, BigDecimal.ONE, "", "优"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Measure(null, BigDecimal.ONE, "", null))
                .isInstanceOf(NullPointerException.class);
    }
}
