package cn.perftarget.process;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeadlineEvents;
import cn.perftarget.declaration.DeadlineProperties;

/**
 * Escalates a review task that outlived its SLA: the escalation group becomes a candidate of the task, and the
 * escalation is recorded. Called by the non-interrupting timers on the review tasks.
 */
@Component("reviewEscalation")
public class ReviewEscalation {

    private final TaskService tasks;
    private final DeadlineEvents events;
    private final String group;

    ReviewEscalation(TaskService tasks, DeadlineEvents events, DeadlineProperties properties) {
        this.tasks = tasks;
        this.events = events;
        this.group = properties.review().escalationGroup();
    }

    public void escalate(long declarationId, String taskKey) {
        var open = tasks.createTaskQuery()
                // By the id variable: the instance's business key has two forms (BusinessKey), the variable one.
                .processVariableValueEquals(DeclarationApprovalProcess.VAR_DECLARATION_ID, declarationId)
                .taskDefinitionKey(taskKey)
                .list();
        for (var task : open) {
            tasks.addCandidateGroup(task.getId(), group);
            events.escalated(declarationId, task.getName(), group);
        }
    }
}
