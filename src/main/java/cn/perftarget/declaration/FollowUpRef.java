package cn.perftarget.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One follow-up (监控, 自评) of a declaration, as its base lists it: its id, template, the months a 监控 round
 * covers ({@code 01-07}; absent for a 自评) and where it stands.
 */
public record FollowUpRef(long id, String formKey, @JsonInclude(JsonInclude.Include.NON_NULL) String period,
                          DeclarationStatus status) {

    /** The status for people, as on the declaration itself. */
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
