package cn.perftarget.process;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every identifier in every expression of a BPMN document must be a bean we expose or a variable we (or the engine,
 * or the model itself) set. The document is walked as XML rather than element type by element type, so that no
 * place an expression can hide is forgotten: conditions, {@code camunda:expression} and
 * {@code camunda:delegateExpression}, listeners, candidate groups and users, assignee, due dates, form keys, timers,
 * multi-instance settings, input/output mappings, even message names. The element a problem names is the nearest
 * one with an id (a listener's sequence flow, a timer's boundary event).
 */
final class ExpressionCheck {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Diagram interchange: coordinates, never expressions. */
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    /** Free text (documentation, annotations), scripts (not EL), and our step properties (data, not expressions). */
    private static final Set<String> NOT_EL = Set.of("documentation", "text", "script", "properties");
    /** Engine objects among the variables that have methods ({@code execution.hasVariable(…)}). */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");
    /** The functions Camunda's expression language adds. */
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private final Set<String> beans;
    private final Set<String> variables;
    private final Problems problems;

    private ExpressionCheck(Set<String> beans, Set<String> variables, Problems problems) {
        this.beans = beans;
        this.variables = variables;
        this.problems = problems;
    }

    static void check(Document document, Set<String> beans, Set<String> variables, Problems problems) {
        Set<String> known = new HashSet<>(variables);
        collectDeclaredVariables(document.getDocumentElement(), known);
        new ExpressionCheck(beans, known, problems).walk(document.getDocumentElement(), "definitions");
    }

    /**
     * Variables the model sets itself: result variables (a business rule task's decision result), a panel's
     * element variable, and input/output parameters.
     */
    private static void collectDeclaredVariables(Element element, Set<String> known) {
        for (String attribute : new String[] {"resultVariable", "elementVariable"}) {
            if (element.hasAttributeNS(CAMUNDA, attribute)) {
                known.add(element.getAttributeNS(CAMUNDA, attribute));
            }
        }
        if (CAMUNDA.equals(element.getNamespaceURI())
                && Set.of("inputParameter", "outputParameter").contains(element.getLocalName())) {
            known.add(element.getAttribute("name"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collectDeclaredVariables(e, known);
            }
        }
    }

    private void walk(Element element, String enclosingId) {
        if (DIAGRAM.contains(element.getNamespaceURI()) || isNotEl(element)) {
            return;
        }
        String id = element.hasAttribute("id") && !element.getAttribute("id").isBlank()
                ? element.getAttribute("id") : enclosingId;
        var attributes = element.getAttributes();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < attributes.getLength(); i++) {
            var attribute = (Attr) attributes.item(i);
            if (CAMUNDA.equals(attribute.getNamespaceURI()) && "collection".equals(attribute.getLocalName())
                    && !hasExpression(attribute.getValue())) {
                // camunda:collection may name the variable holding the collection instead of an expression.
                checkName(id, attribute.getValue(), new ElNames.Name(attribute.getValue().trim(), ElNames.Kind.VALUE));
            } else {
                checkText(id, attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, id);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        checkText(id, text.toString());
    }

    /** A condition in a script language is a script, not EL. */
    private static boolean isNotEl(Element element) {
        String ns = element.getNamespaceURI();
        if ((BPMN.equals(ns) || CAMUNDA.equals(ns)) && NOT_EL.contains(element.getLocalName())) {
            return true;
        }
        String language = element.getAttribute("language");
        return !language.isBlank() && !language.equalsIgnoreCase("juel");
    }

    private static boolean hasExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private void checkText(String id, String text) {
        if (!hasExpression(text)) {
            return;
        }
        for (var expression : ElNames.expressions(text)) {
            if (!expression.closed()) {
                problems.add(id, "表达式“" + expression.text() + "”缺少右花括号 }");
                continue;
            }
            for (var name : ElNames.names(expression.body())) {
                checkName(id, expression.text(), name);
            }
        }
    }

    private void checkName(String id, String expression, ElNames.Name name) {
        String n = name.name();
        switch (name.kind()) {
            case OBJECT -> {
                if (!beans.contains(n) && !(ENGINE_OBJECTS.contains(n) && variables.contains(n))) {
                    problems.add(id, "表达式“" + expression + "”中的“" + n + "”不是已知的 bean（可用的 bean："
                            + String.join("、", new TreeSet<>(beans)) + "）");
                }
            }
            case FUNCTION -> {
                if (!FUNCTIONS.contains(n)) {
                    problems.add(id, "表达式“" + expression + "”中的“" + n + "()”不是已知的函数（可用：now()、dateTime()、"
                            + "currentUser()、currentUserGroups()）");
                }
            }
            case VALUE -> {
                if (!beans.contains(n) && !variables.contains(n)) {
                    problems.add(id, "表达式“" + expression + "”中的“" + n + "”不是已知的 bean 或流程变量");
                }
            }
        }
    }
}
