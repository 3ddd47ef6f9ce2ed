package cn.perftarget.declaration;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A declaration as callers see it; {@code document} is null in listings. {@code basedOn}: the approved declaration a
 * follow-up (监控, 自评) follows, absent otherwise; {@code period}: the months a monitoring form covers (01-07), absent otherwise; {@code followUps}: with the document, its own follow-ups (empty
 * when none), absent in listings. {@code overdue}: not submitted by
 * {@code submissionDeadline}, or first submitted after it. The deadline is the budget year's; for a monitoring form
 * of a round 财政 opened, the end of the round's last day. A self-evaluation, or a monitoring form without a round,
 * is never overdue (its {@code submissionDeadline} is the year's, for information).
 */
public record DeclarationView(
        long id,
        String formKey,
        int formVersion,
        String department,
        String departmentName,
        int year,
        DeclarationStatus status,
        int revision,
        Integer approvedRevision,
        String filedBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submissionDeadline,
        boolean overdue,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode document,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long basedOn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String period,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FollowUpRef> followUps) {

    /** The status for people: a fixed status's name, or the review step's (主管部门审核中). */
    @JsonProperty(value = "statusLabel", access = JsonProperty.Access.READ_ONLY)
    public String statusLabel() {
        return status.label();
    }

    /** The months for people (1–7月), for the pages; not part of the JSON. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String periodLabel() {
        return period == null ? null : MonitoringRounds.label(period);
    }
}
