package cn.perftarget.validation;

import java.util.Map;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;

/** The only door to the FEEL engine that Camunda ships (feel-scala); expressions are parsed once, at start-up. */
final class Feel {

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

    /** A parsed expression, or the parser's complaint. */
    record Expression(String text, ParsedExpression parsed) {
    }

    private Feel() {
    }

    static Expression parse(String text) {
        var result = ENGINE.parseExpression(text);
        if (result.isFailure()) {
            throw new IllegalArgumentException(result.failure().message());
        }
        return new Expression(text, result.parsedExpression());
    }

    /** The result as plain Java values (lists, maps, BigDecimal, String, Boolean), or an exception naming the failure. */
    static Object evaluate(Expression expression, Map<String, Object> variables) {
        var result = ENGINE.evaluate(expression.parsed(), variables);
        if (result.isFailure()) {
            throw new IllegalStateException("FEEL 表达式求值失败：" + result.failure().message());
        }
        return result.result();
    }
}
