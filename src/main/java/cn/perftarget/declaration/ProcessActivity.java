package cn.perftarget.declaration;

import java.time.Instant;

/** One activity the approval engine ran for a declaration: a task with its assignee and duration, an event, a gateway. */
public record ProcessActivity(String activityId, String name, String type, String assignee, Instant start,
                              Instant end, Long durationMs, String processInstanceId) {
}
