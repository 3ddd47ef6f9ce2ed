package cn.perftarget.declaration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One changed leaf between two revisions; {@code old}/{@code new} are null where the field was absent. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(
        String path,
        @JsonProperty("old") JsonNode oldValue,
        @JsonProperty("new") JsonNode newValue) {
}
