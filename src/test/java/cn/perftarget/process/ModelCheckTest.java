package cn.perftarget.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import cn.perftarget.process.ModelCheck.Problem;

/**
 * ModelCheck without the engine: the shipped model (with the review-step properties of issue 18 added) and the two
 * example chains pass; each kind of bad model is refused naming the element that is wrong. Bad models are the good
 * one with one thing changed, so each test shows exactly which change is refused.
 */
class ModelCheckTest {

    /** The beans the design doc exposes to expressions. */
    /** The copy in test resources keeps the shape the shipped model had before issue 18 (a validation task). */
    static final Set<String> BEANS = union(ProcessAdministration.BEANS, Set.of("validateDeclarationDelegate"));
    /** The shipped model before issue 18 moved statuses with execution listeners on this bean. */
    static final Set<String> SHIPPED_BEANS = union(BEANS, Set.of("declarationLifecycle"));
    static final Set<String> VARIABLES = ProcessAdministration.VARIABLES;
    static final Set<String> DECISIONS = Set.of("Decision_ExpertReviewRouting");
    static final String FILE = "DeclarationApproval.bpmn";

    // --- models that pass ---------------------------------------------------------------------------------------

    @Test
    void shippedModelWithReviewStepPropertiesPasses() {
        assertThat(check(shipped())).isEmpty();
    }

    @Test
    void exampleChainsPassWithTheDesignDocBeansAndNoDecisions() {
        for (String file : List.of("FourLevelApproval.bpmn", "ExpertPanelApproval.bpmn")) {
            assertThat(ModelCheck.check(processFile(file), file, Set.of(), BEANS, VARIABLES)).as(file).isEmpty();
        }
    }

    @Test
    void fourLevelChainHasItsStepsInOrderWithAGradeOnlyAtThePerformanceSection() {
        var steps = steps("FourLevelApproval.bpmn");
        assertThat(steps.keySet()).containsExactly("Task_DeptReview", "Task_ThirdPartyReview",
                "Task_FinanceSectionReview", "Task_PerformanceReview");
        assertThat(steps.values()).containsExactly(
                "主管部门审核 DEPT_REVIEW department approve,return none",
                "第三方机构评审 THIRD_PARTY_REVIEW role:EXPERT approve,return none",
                "财政业务科室审核 FINANCE_SECTION_REVIEW finance-section approve,return none",
                "绩效科审核 PERFORMANCE_REVIEW performance-section approve,return,reject required");
    }

    @Test
    void panelChainHasAParallelThreeMemberPanelThatEndsOnTwoVotes() {
        assertThat(steps("ExpertPanelApproval.bpmn").values()).containsExactly(
                "主管部门审核 DEPT_REVIEW department approve,return none",
                "专家会签 EXPERT_PANEL_REVIEW role:EXPERT approve,return none",
                "财政审核 FINANCE_REVIEW finance-section approve,return,reject required");
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(processFile("ExpertPanelApproval.bpmn")));
        var panel = (MultiInstanceLoopCharacteristics) ((UserTask) model.getModelElementById("Task_ExpertPanelReview"))
                .getLoopCharacteristics();
        assertThat(panel.isSequential()).isFalse();
        assertThat(panel.getLoopCardinality().getTextContent()).isEqualTo("3");
        assertThat(panel.getCompletionCondition().getTextContent()).isEqualTo("${approveCount >= 2 || returnCount >= 2}");
    }

    /** bpmn-js and the Camunda Modeler draw only what has a shape or an edge. */
    @Test
    void exampleChainsHaveAShapeForEveryNodeAndAnEdgeForEveryFlow() {
        for (String file : List.of("FourLevelApproval.bpmn", "ExpertPanelApproval.bpmn")) {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(processFile(file)));
            Set<String> drawn = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            Set<String> elements = new HashSet<>();
            model.getModelElementsByType(FlowNode.class).forEach(n -> elements.add(n.getId()));
            model.getModelElementsByType(SequenceFlow.class).forEach(f -> elements.add(f.getId()));
            assertThat(drawn).as(file).isEqualTo(elements);
        }
    }

    @Test
    void decisionsOfTheSameDeploymentCount() {
        byte[] dmn = processFile("ExpertReviewRouting.dmn");
        var files = new LinkedHashMap<String, byte[]>();
        files.put(FILE, bytes(shipped()));
        files.put("ExpertReviewRouting.dmn", dmn);
        assertThat(ModelCheck.checkDeployment(files, Set.of(), SHIPPED_BEANS, VARIABLES)).isEmpty();
        assertThat(ModelCheck.check(dmn, "ExpertReviewRouting.dmn", Set.of(), Set.of(), Set.of())).isEmpty();
    }

    // --- models that are refused --------------------------------------------------------------------------------

    @Test
    void shippedModelPassesAsItShipsWithTheBeansTheDesignExposes() {
        assertThat(ModelCheck.check(processFile(FILE), FILE, DECISIONS, ProcessAdministration.BEANS,
                ProcessAdministration.VARIABLES)).isEmpty();
    }

    @Test
    void shippedModelsListenersNameABeanTheDesignDocDoesNotExpose() {
        var problems = ModelCheck.check(bytes(shipped()), FILE, DECISIONS, BEANS, VARIABLES);
        assertRefused(problems, "Flow_Submitted", "表达式“${declarationLifecycle.submitted(declarationId)}”中的“declarationLifecycle”不是已知的 bean");
    }

    @Test
    void badStatusIsRefused() {
        assertRefused(check(shipped().replace("\"DEPT_REVIEW\"", "\"Dept review\"")), "Task_DeptReview",
                "status“Dept review”无效");
        assertRefused(check(shipped().replace("\"DEPT_REVIEW\"", "\"D\"")), "Task_DeptReview", "status“D”无效");
    }

    @Test
    void fixedStatusIsRefused() {
        assertRefused(check(shipped().replace("\"FINANCE_REVIEW\"", "\"APPROVED\"")), "Task_FinanceReview",
                "status“APPROVED”是固定的申报状态");
    }

    @Test
    void duplicateStatusIsRefusedOnTheSecondStep() {
        var problems = check(shipped().replace("\"EXPERT_REVIEW\"", "\"DEPT_REVIEW\""));
        assertRefused(problems, "Task_ExpertReview", "status“DEPT_REVIEW”与 Task_DeptReview 重复");
        assertThat(problems).hasSize(1);
    }

    @Test
    void badReviewersAreRefused() {
        assertRefused(check(shipped().replace("value=\"department\"", "value=\"foo\"")), "Task_DeptReview",
                "reviewers“foo”无效，应为 department、finance-section、performance-section 或 role:角色");
        assertRefused(check(shipped().replace("role:EXPERT", "role:FILER")), "Task_ExpertReview", "reviewers“role:FILER”无效");
        assertRefused(check(shipped().replace("<camunda:property name=\"reviewers\" value=\"department\"/>", "")),
                "Task_DeptReview", "缺少 reviewers");
    }

    @Test
    void badOutcomesAreRefused() {
        assertRefused(check(shipped().replace("\"approve,return,reject\"", "\"approve,maybe\"")), "Task_FinanceReview",
                "outcomes“approve,maybe”中的“maybe”无效");
        assertRefused(check(shipped().replace("\"approve,return,reject\"", "\"approve, return\"")), "Task_FinanceReview",
                "中的“ return”无效");
        assertRefused(check(shipped().replace("\"approve,return,reject\"", "\"approve,approve\"")), "Task_FinanceReview",
                "中的“approve”重复");
        assertRefused(check(shipped().replace("\"approve,return,reject\"", "\"\"")), "Task_FinanceReview", "缺少 outcomes");
    }

    @Test
    void badGradeIsRefused() {
        assertRefused(check(shipped().replace("value=\"required\"", "value=\"sometimes\"")), "Task_FinanceReview",
                "grade“sometimes”无效，应为 required、optional 或 none");
    }

    @Test
    void returnToMustNameOtherStepsOfTheProcess() {
        String withReturnTo = shipped().replace("<camunda:property name=\"status\" value=\"EXPERT_REVIEW\"/>",
                "<camunda:property name=\"status\" value=\"EXPERT_REVIEW\"/><camunda:property name=\"returnTo\" value=\"%s\"/>");
        assertThat(check(withReturnTo.formatted("DEPT_REVIEW,FINANCE_REVIEW"))).isEmpty();
        assertThat(check(withReturnTo.formatted("none"))).isEmpty();
        assertThat(check(withReturnTo.formatted("any"))).isEmpty();
        assertRefused(check(withReturnTo.formatted("DEPT_REVIEW,THIRD_PARTY_REVIEW")), "Task_ExpertReview",
                "returnTo 中的“THIRD_PARTY_REVIEW”不是本流程任何审核环节的 status");
        assertRefused(check(withReturnTo.formatted("EXPERT_REVIEW")), "Task_ExpertReview", "不能包含本环节自己的 status");
    }

    @Test
    void reviewPropertiesWithoutStatusAndAMissingNameAreRefused() {
        assertRefused(check(shipped().replace("<camunda:property name=\"status\" value=\"EXPERT_REVIEW\"/>", "")),
                "Task_ExpertReview", "缺少 status");
        assertRefused(check(shipped().replace("name=\"财政审核\"", "name=\" \"")), "Task_FinanceReview", "审核环节缺少名称");
    }

    @Test
    void exactlyOneFillInTaskReachableFromTheStart() {
        String second = shipped().replace("</bpmn:process>",
                "<bpmn:userTask id=\"Task_Second\" name=\"再次填报\"/><bpmn:sequenceFlow id=\"Flow_X\" sourceRef=\"Task_Second\" "
                        + "targetRef=\"EndEvent_Approved\"/></bpmn:process>");
        assertRefused(check(second), "Task_Second", "不带 status 属性的用户任务只能有一个（填报环节），已有 Task_FillIn");
        String unreachable = shipped().replace("targetRef=\"Task_FillIn\"/>\n    <bpmn:sequenceFlow id=\"Flow_ToValidation\"",
                "targetRef=\"EndEvent_Approved\"/>\n    <bpmn:sequenceFlow id=\"Flow_ToValidation\"");
        assertRefused(check(unreachable), "Task_FillIn", "填报环节从开始事件出发无法到达");
    }

    @Test
    void unknownBeanInAnExpressionIsRefusedNamingTheElement() {
        assertRefused(check(shipped().replace("reviewEscalation.escalate(declarationId, 'Task_DeptReview')",
                        "reviewEscalator.escalate(declarationId, 'Task_DeptReview')")),
                "Task_EscalateDeptReview", "中的“reviewEscalator”不是已知的 bean");
        // a timer definition has no id of its own: the boundary event is named
        String timer = shipped().replaceFirst("\\$\\{reviewSla.duration\\(\\)}", "\\${sla.duration()}");
        assertRefused(check(timer), "Event_DeptReviewOverdue", "表达式“${sla.duration()}”中的“sla”不是已知的 bean");
        // a variable with a property is not a bean
        assertRefused(check(shipped().replace("dept-reviewers-${", "dept-reviewers-${department.name}-${")),
                "Task_DeptReview", "中的“department”不是已知的 bean");
    }

    @Test
    void unknownVariablesAndFunctionsAreRefusedButLiteralsKeywordsAndPropertiesAreNot() {
        var problems = check(shipped().replaceFirst("\\$\\{outcome == 'approve'}", "\\${result == 'approve'}"));
        assertRefused(problems, "Flow_DeptApproved", "表达式“${result == 'approve'}”中的“result”不是已知的 bean 或流程变量");
        assertThat(problems).hasSize(1);
        assertRefused(check(shipped().replace("${!expertReview}", "${!expertReview and not empty today()}")),
                "Flow_NoExpertReview", "“today()”不是已知的函数");
        assertThat(check(shipped().replace("${!expertReview}",
                "${not expertReview and totalBudget ge 1.5e2 or execution.getVariable(\"x\") eq 'a}b' and now() ne null}")))
                .isEmpty();
        assertRefused(check(shipped().replace("${!expertReview}", "${!expertReview")), "Flow_NoExpertReview", "缺少右花括号");
    }

    @Test
    void deadEndIsRefusedNamingTheNode() {
        String deadEnd = shipped().replace(
                "sourceRef=\"Task_EscalateDeptReview\" targetRef=\"EndEvent_DeptReviewEscalated\"",
                "sourceRef=\"Task_EscalateDeptReview\" targetRef=\"Event_Notified\"")
                .replace("</bpmn:process>", "<bpmn:intermediateThrowEvent id=\"Event_Notified\" name=\"已通知\"/></bpmn:process>");
        var problems = check(deadEnd);
        assertRefused(problems, "Event_Notified", "没有流出的顺序流");
        assertThat(problems).hasSize(1);
    }

    @Test
    void loopWithoutWayOutIsRefusedNamingEachNodeOfIt() {
        String loop = shipped().replace(
                "sourceRef=\"Task_EscalateDeptReview\" targetRef=\"EndEvent_DeptReviewEscalated\"",
                "sourceRef=\"Task_EscalateDeptReview\" targetRef=\"Task_A\"")
                .replace("</bpmn:process>", "<bpmn:manualTask id=\"Task_A\" name=\"A\"/><bpmn:manualTask id=\"Task_B\" name=\"B\"/>"
                        + "<bpmn:sequenceFlow id=\"Flow_AB\" sourceRef=\"Task_A\" targetRef=\"Task_B\"/>"
                        + "<bpmn:sequenceFlow id=\"Flow_BA\" sourceRef=\"Task_B\" targetRef=\"Task_A\"/></bpmn:process>");
        var problems = check(loop);
        assertRefused(problems, "Task_A", "到达不了结束事件");
        assertRefused(problems, "Task_B", "到达不了结束事件");
        assertRefused(problems, "Task_EscalateDeptReview", "到达不了结束事件");
    }

    @Test
    void missingHistoryTimeToLiveIsRefused() {
        assertRefused(check(shipped().replace(" camunda:historyTimeToLive=\"P3650D\"", "")), "DeclarationApproval",
                "缺少 camunda:historyTimeToLive");
    }

    @Test
    void noExecutableProcessIsRefused() {
        assertRefused(check(shipped().replace("isExecutable=\"true\"", "isExecutable=\"false\"")),
                "Definitions_DeclarationApproval", "没有可执行的流程");
    }

    @Test
    void unknownDecisionRefIsRefused() {
        var problems = ModelCheck.check(bytes(shipped()), FILE, Set.of("Decision_Other"), SHIPPED_BEANS, VARIABLES);
        assertRefused(problems, "Task_RouteExpertReview", "camunda:decisionRef“Decision_ExpertReviewRouting”不是已部署的决策");
    }

    @Test
    void emptyDecisionRefIsRefused() {
        assertRefused(check(shipped().replace("camunda:decisionRef=\"Decision_ExpertReviewRouting\"", "camunda:decisionRef=\"\"")),
                "Task_RouteExpertReview", "业务规则任务缺少 camunda:decisionRef");
    }

    /** The schema leaves these QName references unresolved, and the model API reads a dangling one as absent. */
    @Test
    void danglingAttachmentAndMessageAreRefused() {
        assertRefused(check(shipped().replace("attachedToRef=\"Task_DeptReview\"", "attachedToRef=\"Task_Nope\"")),
                "Event_DeclarationWithdrawn", "attachedToRef“Task_Nope”不是本模型中的活动");
        assertRefused(check(shipped().replace("messageRef=\"Message_DeclarationWithdrawn\"", "messageRef=\"Message_Nope\"")),
                "Event_DeclarationWithdrawn", "messageRef“Message_Nope”不是本模型中定义的消息");
    }

    @Test
    void unparseableXmlIsRefusedNamingTheFile() {
        String truncated = shipped().substring(0, shipped().indexOf("</bpmn:process>"));
        assertRefused(check(truncated), FILE, "无法解析为 BPMN 2.0 模型");
        // valid XML but not BPMN: an id may not start with a digit
        assertRefused(check(shipped().replace("id=\"Task_FillIn\"", "id=\"1Task\"")), FILE, "无法解析为 BPMN 2.0 模型：第 ");
        // no DOCTYPE, so no external entity reaches the parser
        String doctype = shipped().replace("<bpmn:definitions", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><bpmn:definitions");
        assertRefused(check(doctype), FILE, "无法解析");
    }

    @Test
    void withdrawalOnlyOnAReviewStepAndAPanelNeedsItsSize() {
        assertRefused(check(shipped().replace("attachedToRef=\"Task_DeptReview\">\n      <bpmn:outgoing>Flow_Withdrawn",
                        "attachedToRef=\"Task_FillIn\">\n      <bpmn:outgoing>Flow_Withdrawn")),
                "Event_DeclarationWithdrawn", "只能挂在审核环节上");
        String panel = shipped().replace("<bpmn:outgoing>Flow_ToExpertOutcome</bpmn:outgoing>",
                "<bpmn:outgoing>Flow_ToExpertOutcome</bpmn:outgoing><bpmn:multiInstanceLoopCharacteristics/>");
        assertRefused(check(panel), "Task_ExpertReview", "缺少 loopCardinality 或 camunda:collection");
    }

    @Test
    void decisionModelsNeedAHistoryTimeToLiveAndMustParse() {
        String dmn = new String(processFile("ExpertReviewRouting.dmn"), StandardCharsets.UTF_8);
        var problems = ModelCheck.check(bytes(dmn.replace(" camunda:historyTimeToLive=\"P3650D\"", "")),
                "ExpertReviewRouting.dmn", Set.of(), Set.of(), Set.of());
        assertRefused(problems, "Decision_ExpertReviewRouting", "缺少 camunda:historyTimeToLive");
        assertRefused(ModelCheck.check(bytes("<definitions/>"), "x.dmn", Set.of(), Set.of(), Set.of()), "x.dmn",
                "无法解析为 DMN 决策模型");
    }

    @Test
    void identifiersAreFoundOutsideLiteralsAndAfterNoDot() {
        var names = ElNames.names("execution.hasVariable('reviewDepartment') ? reviewDepartment : department");
        assertThat(names).containsExactly(new ElNames.Name("execution", ElNames.Kind.OBJECT),
                new ElNames.Name("reviewDepartment", ElNames.Kind.VALUE), new ElNames.Name("department", ElNames.Kind.VALUE));
        assertThat(ElNames.names("a.b.c(d) + \"e\\\"f\" + 12.5 + empty g")).containsExactly(
                new ElNames.Name("a", ElNames.Kind.OBJECT), new ElNames.Name("d", ElNames.Kind.VALUE),
                new ElNames.Name("g", ElNames.Kind.VALUE));
        assertThat(ElNames.expressions("x-${a}-#{b['}']}-${c")).extracting(ElNames.Expression::text)
                .containsExactly("${a}", "#{b['}']}", "${c");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static List<Problem> check(String xml) {
        return ModelCheck.check(bytes(xml), FILE, DECISIONS, SHIPPED_BEANS, VARIABLES);
    }

    /** The problem names the element both as its id and at the start of its message, and says what is wrong. */
    private static void assertRefused(List<Problem> problems, String elementId, String fragment) {
        assertThat(problems).as("problems of " + elementId).anySatisfy(problem -> {
            assertThat(problem.elementId()).isEqualTo(elementId);
            assertThat(problem.message()).startsWith(elementId + "：").contains(fragment);
        });
    }

    /** Task id → "name status reviewers outcomes grade", in document order. */
    private static Map<String, String> steps(String file) {
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(processFile(file)));
        Map<String, String> steps = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            var p = StepProperties.of(task, new Problems());
            if (StepProperties.isReviewStep(p)) {
                steps.put(task.getId(), String.join(" ", task.getName(), p.get("status"), p.get("reviewers"),
                        p.get("outcomes"), p.get("grade")));
            }
        }
        return steps;
    }

    private static String shipped() {
        return new String(classpath("cn/perftarget/process/DeclarationApproval-steps.bpmn"), StandardCharsets.UTF_8);
    }

    /** A model of processes/, as the application's class path holds it. */
    private static byte[] processFile(String file) {
        return classpath("processes/" + file);
    }

    private static byte[] classpath(String name) {
        try (var in = ModelCheckTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
