package cn.perftarget.process;

/**
 * Key and element IDs of {@code processes/SubmissionDeadline.bpmn}: one instance per declaration, business key =
 * the declaration id, variables {@code declarationId} and {@code year} only.
 */
public final class SubmissionDeadlineProcess {

    public static final String KEY = "SubmissionDeadline";

    public static final String GATEWAY_REMINDER_AHEAD = "Gateway_ReminderAhead";
    public static final String GATEWAY_DEADLINE_AHEAD = "Gateway_DeadlineAhead";
    public static final String EVENT_SUBMISSION_REMINDER = "Event_SubmissionReminder";
    public static final String EVENT_SUBMISSION_OVERDUE = "Event_SubmissionOverdue";
    public static final String TASK_RECORD_REMINDER = "Task_RecordReminder";
    public static final String TASK_MARK_OVERDUE = "Task_MarkOverdue";
    public static final String END = "EndEvent_DeadlineHandled";

    private SubmissionDeadlineProcess() {
    }
}
