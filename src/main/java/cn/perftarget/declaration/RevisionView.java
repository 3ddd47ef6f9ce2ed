package cn.perftarget.declaration;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One frozen revision; {@code document} and {@code attachments} (the files listed in that revision) are null in the
 * revision list.
 */
public record RevisionView(int number, String savedBy, Instant savedAt, Instant submittedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode document,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachedFile> attachments) {
}
