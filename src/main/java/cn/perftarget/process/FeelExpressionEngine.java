package cn.perftarget.process;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.syntaxtree.ParsedExpression;

import cn.perftarget.validation.ExpressionEngine;

/**
 * The FEEL engine Camunda ships (feel-scala) as the expression language of the form definitions' rules, found by
 * the validation module through {@code META-INF/services}.
 */
public final class FeelExpressionEngine implements ExpressionEngine {

    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
    private static final String NO_FUNCTION_FOUND = "NO_FUNCTION_FOUND";

    @Override
    public Object parse(String text) {
        var result = ENGINE.parseExpression(text);
        if (result.isFailure()) {
            throw new IllegalArgumentException(result.failure().message());
        }
        return result.parsedExpression();
    }

    @Override
    public Evaluation evaluate(Object parsed, Map<String, Object> variables) {
        var result = ENGINE.evaluate((ParsedExpression) parsed, variables);
        if (result.isFailure()) {
            return new Evaluation(null, result.failure().message(), unknownFunction(result));
        }
        return new Evaluation(result.result(), null, unknownFunction(result));
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
