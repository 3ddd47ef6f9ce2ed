package cn.perftarget.validation;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The only door to the rules' expression language (FEEL, provided by the process module as an
 * {@link ExpressionEngine}); expressions are parsed once, at start-up.
 */
final class Feel {

    private static final ExpressionEngine ENGINE = ServiceLoader.load(ExpressionEngine.class,
            Feel.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
            "没有可用的 FEEL 表达式引擎（" + ExpressionEngine.class.getName() + "）"));

    /** A parsed expression. */
    record Expression(String text, Object parsed) {
    }

    private Feel() {
    }

    static Expression parse(String text) {
        return new Expression(text, ENGINE.parse(text));
    }

    /**
     * The result as plain Java values (lists, maps, BigDecimal, String, Boolean), or an exception naming the failure.
     * A call of a function that does not exist fails too: the engine would read it as null, which a rule takes for
     * "not false", so a misspelt function name would silently switch the rule off.
     */
    static Object evaluate(Expression expression, Map<String, Object> variables) {
        var result = ENGINE.evaluate(expression.parsed(), variables);
        if (result.failure() != null) {
            throw new IllegalStateException("FEEL 表达式求值失败：" + result.failure());
        }
        if (result.unknownFunction() != null) {
            throw new IllegalStateException("FEEL 表达式调用了不存在的函数：" + result.unknownFunction());
        }
        return result.result();
    }

    /**
     * The engine's complaint when this evaluation called a function that does not exist (or with the wrong number of
     * arguments), else null. Unlike a null or missing value, this never comes from a document, only from the rule.
     */
    static String unknownFunction(Expression expression, Map<String, Object> variables) {
        return ENGINE.evaluate(expression.parsed(), variables).unknownFunction();
    }
}
