package cn.perftarget.declaration;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One frozen revision; {@code document} is null in the revision list. */
public record RevisionView(int number, String savedBy, Instant savedAt, Instant submittedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode document) {
}
