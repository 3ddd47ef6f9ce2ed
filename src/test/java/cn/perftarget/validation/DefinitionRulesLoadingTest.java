package cn.perftarget.validation;

import cn.perftarget.definition.FormDefinition;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.definition.FormsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.perftarget.validation.DeptOverall.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Definitions whose rules cannot work are refused at load time, naming the file and the place in it. */
class DefinitionRulesLoadingTest {

    // A good rule to put before a bad one, so that the place must name the right index.
    private static final String PHONE_RULE = """
            {'id': 'header.phone-format', 'kind': 'pattern', 'forEach': '/header', 'fields': 'phone',
             'regex': '^[0-9]{7,8}$', 'message': '“{field}”为“{value}”，不是电话号码'}""";

    private static final String QTY_RULE = """
            {'id': 'item.qty-positive', 'kind': 'feel', 'forEach': '/items/*', 'path': '/qty',
             'assert': 'item.qty > 0', 'args': {'name': 'item.name', 'qty': 'item.qty'},
             'message': '“{field}”（{name}）为{qty}，应大于0'}""";

    @TempDir
    Path dir;

    /** A small definition with a header, a list of items and one dictionary; quotes written as ' for legibility. */
    private static String definition(String key, int version, String... rules) {
        return """
                {'key': '%s', 'version': %d, 'title': '规则测试表',
                 'prefill': {'/header/year': 'year'},
                 'document': {'type': 'object', 'label': '申报表', 'fields': {
                   'header': {'type': 'object', 'label': '基本信息', 'fields': {
                     'year': {'type': 'integer', 'label': '年度'},
                     'phone': {'type': 'string', 'label': '联系电话'}}},
                   'items': {'type': 'array', 'label': '物品', 'items': {'type': 'object', 'fields': {
                     'name': {'type': 'string', 'label': '名称'},
                     'qty': {'type': 'number', 'label': '数量'},
                     'level': {'type': 'string', 'label': '级别'}}}}}},
                 'dictionaries': {'levels': {'label': '级别', 'entries': ['高', '低']}},
                 'rules': [%s]}
                """.formatted(key, version, String.join(", ", rules)).replace('\'', '"');
    }

    private void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FormDefinitions load(RuleSets ruleSets) {
        return new FormDefinitions(new FormsProperties("file:" + dir + "/"), List.of(ruleSets));
    }

    private void assertRefused(String file, String place, String detail) {
        assertThatThrownBy(() -> load(new RuleSets()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/" + file + " at " + place + ": ")
                .hasMessageContaining(detail);
    }

    @Test
    void feelAssertThatDoesNotParseIsRefusedAtTheAssert() {
        write("t-v1.json", definition("t", 1, PHONE_RULE, QTY_RULE.replace("item.qty > 0", "item.qty >")));

        assertRefused("t-v1.json", "/rules/1/assert", "FEEL expression does not parse");
    }

    @Test
    void feelArgumentThatDoesNotParseIsRefusedAtTheArgument() {
        write("t-v1.json", definition("t", 1, QTY_RULE.replace("'item.name'", "'item.name +'")));

        assertRefused("t-v1.json", "/rules/0/args/name", "FEEL expression does not parse");
    }

    @Test
    void feelAssertCallingAFunctionThatDoesNotExistIsRefused() {
        // FEEL reads an unknown function as null, which the rule would take for "not false": a silent pass.
        write("t-v1.json", definition("t", 1, QTY_RULE.replace("item.qty > 0", "abs(item.qty) > 0 and strts with(item.name, item.name)")));

        assertRefused("t-v1.json", "/rules/0/assert", "strts with");
    }

    @Test
    void unknownFunctionReachedOnlyByADocumentFailsTheValidationInsteadOfPassing() {
        write("t-v1.json", definition("t", 1, QTY_RULE.replace("item.qty > 0", "item.qty = null or fooo(item.qty) > 0")));
        RuleSets ruleSets = new RuleSets();
        FormDefinition definition = load(ruleSets).find("t", 1).orElseThrow();

        ValidationReport report = new DocumentValidator(ruleSets).validate(definition,
                parse("{\"items\": [{\"name\": \"螺丝\", \"qty\": 3}]}"), new ValidationContext(2020));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(Finding::path, Finding::rule).containsExactly(tuple("", "rule.failed"));
        assertThat(report.errors().get(0).message()).contains("fooo");
    }

    @Test
    void ruleReferencingAMissingDictionaryIsRefusedAtTheDictionary() {
        write("t-v1.json", definition("t", 1, """
                {'id': 'item.level', 'kind': 'dictionary', 'forEach': '/items/*', 'field': 'level',
                 'dictionary': 'levles', 'message': '“{field}”为“{value}”'}"""));

        assertRefused("t-v1.json", "/rules/0/dictionary", "\"levles\"");
    }

    @Test
    void unknownRuleKindIsRefusedAtTheKind() {
        write("t-v1.json", definition("t", 1, PHONE_RULE, PHONE_RULE.replace("'pattern'", "'regex'").replace("header.phone", "header.tel")));

        assertRefused("t-v1.json", "/rules/1/kind", "unknown rule kind \"regex\"");
    }

    @Test
    void misspeltRuleParameterIsRefusedAtTheParameter() {
        write("t-v1.json", definition("t", 1, PHONE_RULE.replace("'fields'", "'feilds'")));

        assertRefused("t-v1.json", "/rules/0/feilds", "has no parameter \"feilds\"");
    }

    @Test
    void messagePlaceholderTheRuleDoesNotProvideIsRefusedAtTheMessage() {
        write("t-v1.json", definition("t", 1, PHONE_RULE.replace("不是电话号码", "不是{total}")));

        assertRefused("t-v1.json", "/rules/0/message", "{total}");
    }

    @Test
    void duplicateRuleIdIsRefusedAtTheSecondId() {
        write("t-v1.json", definition("t", 1, PHONE_RULE, QTY_RULE, PHONE_RULE.replace("7,8", "8")));

        assertRefused("t-v1.json", "/rules/2/id", "\"header.phone-format\" is used twice");
    }

    @Test
    void malformedJsonIsRefusedNamingTheFileAndWhereItBreaks() {
        write("t-v1.json", definition("t", 1, PHONE_RULE.replace("'kind': 'pattern',", "'kind': 'pattern',,")));

        assertThatThrownBy(() -> load(new RuleSets()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/t-v1.json is not valid JSON at line 12, column 60, after /rules/0/kind: ")
                .hasMessageContaining("was expecting double-quote to start field name");
    }

    @Test
    void twoFilesWithTheSameKeyAndVersionAreRefusedNamingBoth() {
        write("t-v1.json", definition("t", 1, PHONE_RULE));
        write("t-v1-copy.json", definition("t", 1, QTY_RULE));

        assertThatThrownBy(() -> load(new RuleSets()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/t-v1.json at /key: t v1 is also defined by ")
                .hasMessageContaining("/t-v1-copy.json");
    }

    @Test
    void minimalDefinitionWithAFeelRuleLoadsAndReportsItsFinding() {
        String countRule = """
                {'id': 'items.too-many', 'kind': 'feel', 'severity': 'warning', 'path': '/items',
                 'when': 'context.year >= 2020', 'assert': 'count(doc.items) <= 2', 'args': {'n': 'count(doc.items)'},
                 'message': '“{field}”有{n}项'}""";
        write("t-v1.json", definition("t", 1, PHONE_RULE, QTY_RULE, countRule));
        RuleSets ruleSets = new RuleSets();
        FormDefinition definition = load(ruleSets).find("t", 1).orElseThrow();
        var validator = new DocumentValidator(ruleSets);

        ValidationReport report = validator.validate(definition, parse("""
                {"header": {"year": 2020, "phone": "85916419"},
                 "items": [{"name": "螺丝", "qty": 3}, {"name": "螺母", "qty": 0}, {"name": "垫片", "qty": 1}]}"""),
                new ValidationContext(2020));

        assertThat(report.errors()).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/items/1/qty", "item.qty-positive", "“物品第2项/数量”（螺母）为0，应大于0"));
        assertThat(report.warnings()).extracting(Finding::path, Finding::rule, Finding::message)
                .containsExactly(tuple("/items", "items.too-many", "“物品”有3项"));
        assertThat(validator.validate(definition, parse("{\"items\": [{\"name\": \"螺丝\", \"qty\": 3}]}"),
                new ValidationContext(2020))).isEqualTo(ValidationReport.of(List.of(), List.of()));
    }
}
