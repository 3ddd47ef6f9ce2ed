package cn.perftarget.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.Reviewers;
import cn.perftarget.identity.WorkGroups;

/**
 * Makes the reviewers a review step's model names the candidate groups of its tasks, so Camunda Tasklist shows a
 * reviewer the tasks of their steps, as GET /api/tasks does: a listener added to every user task with a
 * {@code status} property when the engine parses a model, whatever version or key.
 */
@Component
class ReviewerGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var properties = properties(element);
                if (properties.containsKey(DeclarationApprovalProcess.PROPERTY_STATUS)
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    try {
                        var reviewers = Reviewers.parse(properties.get("reviewers"));
                        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                                task -> task.addCandidateGroups(groups(reviewers, task)));
                    } catch (IllegalArgumentException e) {
                        // A model deployed past the model check (from the classpath): the step has no groups.
                    }
                }
            }
        });
    }

    static List<String> groups(Reviewers reviewers, DelegateTask task) {
        Object department = task.hasVariable(DeclarationApprovalProcess.VAR_REVIEW_DEPARTMENT)
                ? task.getVariable(DeclarationApprovalProcess.VAR_REVIEW_DEPARTMENT)
                : task.getVariable(DeclarationApprovalProcess.VAR_DEPARTMENT);
        return switch (reviewers.kind()) {
            case DEPARTMENT -> List.of(WorkGroups.deptReviewersOf(String.valueOf(department)));
            case FINANCE_SECTION -> List.of(WorkGroups.FINANCE_REVIEWERS_ALL,
                    WorkGroups.financeReviewersOf(String.valueOf(department)));
            case PERFORMANCE_SECTION -> List.of(WorkGroups.FINANCE_REVIEWERS_ALL);
            case ROLE -> List.of(WorkGroups.of(reviewers.role()));
        };
    }

    private static Map<String, String> properties(Element element) {
        Map<String, String> out = new HashMap<>();
        for (Element extensions : element.elements()) {
            if (!extensions.getTagName().endsWith("extensionElements")) {
                continue;
            }
            for (Element properties : extensions.elements()) {
                if (!properties.getTagName().endsWith("properties")) {
                    continue;
                }
                for (Element property : properties.elements()) {
                    if (property.attribute("name") != null) {
                        out.put(property.attribute("name"), property.attribute("value"));
                    }
                }
            }
        }
        return out;
    }
}
