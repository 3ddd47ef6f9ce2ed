package cn.perftarget.validation;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;

/** The only door to the FEEL engine that Camunda ships (feel-scala); expressions are parsed once, at start-up. */
final class Feel {

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
    private static final String NO_FUNCTION_FOUND = "NO_FUNCTION_FOUND";

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

    /**
     * The result as plain Java values (lists, maps, BigDecimal, String, Boolean), or an exception naming the failure.
     * A call of a function that does not exist fails too: the engine would read it as null, which a rule takes for
     * "not false", so a misspelt function name would silently switch the rule off.
     */
    static Object evaluate(Expression expression, Map<String, Object> variables) {
        var result = ENGINE.evaluate(expression.parsed(), variables);
        if (result.isFailure()) {
            throw new IllegalStateException("FEEL 表达式求值失败：" + result.failure().message());
        }
        String unknown = unknownFunction(result);
        if (unknown != null) {
            throw new IllegalStateException("FEEL 表达式调用了不存在的函数：" + unknown);
        }
        return result.result();
    }

    /**
     * The engine's complaint when this evaluation called a function that does not exist (or with the wrong number of
     * arguments), else null. Unlike a null or missing value, this never comes from a document, only from the rule.
     */
    static String unknownFunction(Expression expression, Map<String, Object> variables) {
        return unknownFunction(ENGINE.evaluate(expression.parsed(), variables));
    }

    private static String unknownFunction(EvaluationResult result) {
        var failures = result.suppressedFailures().iterator();
        while (failures.hasNext()) {
            var failure = failures.next();
            if (NO_FUNCTION_FOUND.equals(failure.failureType().toString())) {
                return failure.failureMessage();
            }
        }
        return null;
    }
}
