package cn.perftarget.validation;

import java.util.Map;

/**
 * The expression language of the rules in form definitions (FEEL). The process module provides it, as it owns
 * everything Camunda ships (here the FEEL engine), registered as a {@link java.util.ServiceLoader} service so that
 * validation depends on no engine class.
 */
public interface ExpressionEngine {

    /** The parsed expression; an {@link IllegalArgumentException} with the parser's complaint if it does not parse. */
    Object parse(String text);

    /** Evaluates a parsed expression with these variables. */
    Evaluation evaluate(Object parsed, Map<String, Object> variables);

    /**
     * @param result          the result as plain Java values (lists, maps, BigDecimal, String, Boolean)
     * @param failure         the engine's complaint if the evaluation failed, else null
     * @param unknownFunction the complaint about a call of a function that does not exist, else null
     */
    record Evaluation(Object result, String failure, String unknownFunction) {
    }
}
