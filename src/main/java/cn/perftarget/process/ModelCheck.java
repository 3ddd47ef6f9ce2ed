package cn.perftarget.process;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Checks a process model (BPMN) or decision model (DMN) before an administrator's upload is deployed, so that a
 * bad model is refused with every problem at once, each naming the element it is on, and nothing reaches the
 * engine. Only Camunda's model API is used, not the engine: checking needs no database and deploys nothing, and
 * the rules are ours (review steps, the beans and variables we expose), which the engine does not know.
 *
 * <p>What is checked: the XML parses (the model API's parser refuses DOCTYPEs, so no external entities); a BPMN
 * file has an executable process with {@code camunda:historyTimeToLive}; its review steps' extension properties
 * ({@link StepProperties}), exactly one fill-in task reachable from a start, unique non-fixed status codes and
 * {@code returnTo} targets ({@link ReviewSteps}); every identifier in every expression is a bean or variable we
 * know ({@link ExpressionCheck}); every decision a business rule task names exists ({@link Decisions}); boundary
 * events and message events refer to what exists ({@link References}); every path reaches an end ({@link FlowPaths}). A DMN file: it parses and each decision has a history time to live.
 */
public final class ModelCheck {

    /**
     * One thing wrong with a model.
     *
     * @param elementId the id of the element it is on (the process, a task, a flow, …), or the file name when the
     *                  file does not parse
     * @param message   in Chinese, beginning with the element id, e.g. {@code Task_X：reviewers“foo”无效，…}
     */
    public record Problem(String elementId, String message) {
    }

    private ModelCheck() {
    }

    /**
     * The problems of one file, none if it may be deployed.
     *
     * @param xml               the file's bytes
     * @param fileName          its name; {@code .dmn} (or {@code .dmn11.xml}) is a decision model, anything else BPMN
     * @param knownDecisionKeys keys of the decisions already deployed, which a business rule task may name
     * @param beans             names of the beans expressions may call
     * @param variables         names of the process variables expressions may read (the engine's own included)
     */
    public static List<Problem> check(byte[] xml, String fileName, Set<String> knownDecisionKeys, Set<String> beans,
                                      Set<String> variables) {
        var problems = new Problems();
        if (isDecisionFile(fileName)) {
            var model = parseDmn(xml, fileName, problems);
            if (model != null) {
                Decisions.checkDecisionModel(model, problems);
            }
        } else {
            var model = parseBpmn(xml, fileName, problems);
            try {
                if (model != null) {
                    checkBpmn(model, knownDecisionKeys, beans, variables, problems);
                }
            } catch (ModelException e) {
                // The model API resolves some references only when asked; a model it cannot read is refused, not a 500.
                problems.add(idOr(fileName, "definitions"), "模型无法检查：" + cause(e));
            }
        }
        return problems.list();
    }

    /**
     * The problems of the files of one deployment, by file name (files without problems are left out). A business
     * rule task may name a decision of a DMN file of the same deployment as well as one already deployed.
     */
    public static Map<String, List<Problem>> checkDeployment(Map<String, byte[]> files, Set<String> deployedDecisionKeys,
                                                             Set<String> beans, Set<String> variables) {
        Set<String> decisions = new HashSet<>(deployedDecisionKeys);
        files.forEach((name, xml) -> {
            if (isDecisionFile(name)) {
                var model = parseDmn(xml, name, new Problems());
                if (model != null) {
                    decisions.addAll(Decisions.keysOf(model));
                }
            }
        });
        Map<String, List<Problem>> result = new LinkedHashMap<>();
        files.forEach((name, xml) -> {
            var problems = check(xml, name, decisions, beans, variables);
            if (!problems.isEmpty()) {
                result.put(name, problems);
            }
        });
        return result;
    }

    static boolean isDecisionFile(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    private static void checkBpmn(BpmnModelInstance model, Set<String> decisionKeys, Set<String> beans,
                                  Set<String> variables, Problems problems) {
        Definitions definitions = model.getDefinitions();
        List<Process> executable = model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .toList();
        if (executable.isEmpty()) {
            problems.add(idOr(definitions.getId(), "definitions"), "没有可执行的流程（isExecutable=\"true\" 的 bpmn:process）");
            return;
        }
        for (Process process : executable) {
            String ttl = process.getCamundaHistoryTimeToLiveString();
            if (ttl == null || ttl.isBlank()) {
                problems.add(process.getId(), "缺少 camunda:historyTimeToLive（历史保留期限，如 P3650D）");
            } else if (!ttl.trim().matches("\\d+|P\\d+D")) {
                problems.add(process.getId(), "camunda:historyTimeToLive“" + ttl + "”无效，应为天数（如 3650）或 P天数D（如 P3650D）");
            }
        }
        References.check(model, executable, problems);
        var paths = FlowPaths.of(model, executable);
        paths.check(problems);
        for (Process process : executable) {
            ReviewSteps.check(model, process, paths, problems);
        }
        ExpressionCheck.check((Document) model.getDocument().getDomSource().getNode(), beans, variables, problems);
        Decisions.checkReferences(model, decisionKeys, problems);
    }

    private static BpmnModelInstance parseBpmn(byte[] xml, String fileName, Problems problems) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (ModelException | IllegalArgumentException e) {
            problems.add(idOr(fileName, "definitions"), "无法解析为 BPMN 2.0 模型：" + cause(e));
            return null;
        }
    }

    private static DmnModelInstance parseDmn(byte[] xml, String fileName, Problems problems) {
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (ModelException | IllegalArgumentException e) {
            problems.add(idOr(fileName, "definitions"), "无法解析为 DMN 决策模型：" + cause(e));
            return null;
        }
    }

    /** The XML parser's own words, with the line and column when it gives them: the model API's are generic. */
    private static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return "第 " + sax.getLineNumber() + " 行第 " + sax.getColumnNumber() + " 列：" + sax.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        // Schema errors come as "Error: URI=null Line=22: cvc-…", the parser's exception already flattened.
        var line = SCHEMA_ERROR.matcher(message);
        return line.find() ? "第 " + line.group(1) + " 行：" + line.group(2) : message;
    }

    private static final Pattern SCHEMA_ERROR = Pattern.compile("Line=(\\d+): (.*)", Pattern.DOTALL);

    private static String idOr(String id, String fallback) {
        return id == null || id.isBlank() ? fallback : id;
    }
}
