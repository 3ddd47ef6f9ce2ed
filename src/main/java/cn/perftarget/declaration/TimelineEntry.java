package cn.perftarget.declaration;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a declaration's history: an event of our audit trail ({@code source} "audit": who did what, status
 * before and after, comment, grade, revision) or an activity of the engine ({@code source} "engine": task or event,
 * assignee, end and duration). {@code actorName}, {@code roleLabel} and {@code detailsText} put the codes into words
 * for people (the person's name, the role's and the details as the template names its fields).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
        Instant time,
        String source,
        Long event,
        String actor,
        String role,
        String action,
        String actionLabel,
        String fromStatus,
        String toStatus,
        Integer revision,
        String comment,
        String grade,
        String details,
        String activityId,
        String activityName,
        String activityType,
        String assignee,
        Instant end,
        Long durationMs,
        String actorName,
        String roleLabel,
        String detailsText) {
}
