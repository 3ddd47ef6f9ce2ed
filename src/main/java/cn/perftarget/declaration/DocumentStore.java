package cn.perftarget.declaration;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** Reads and writes the revisions of declarations' documents. */
@Component
class DocumentStore {

    private final Revisions revisions;
    private final ObjectMapper json;

    DocumentStore(Revisions revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    void store(Declaration declaration, JsonNode document, String savedBy, Instant now) {
        revisions.save(new Revision(declaration.id(), declaration.revision(), write(document), savedBy, now));
    }

    JsonNode current(Declaration declaration) {
        return read(find(declaration, declaration.revision()));
    }

    Revision find(Declaration declaration, int number) {
        return revisions.findByDeclarationIdAndNumber(declaration.id(), number)
                .orElseThrow(() -> new DeclarationNotFoundException(
                        "申报表 " + declaration.id() + " 没有修订版本 " + number));
    }

    List<Revision> all(Declaration declaration) {
        return revisions.findByDeclarationIdOrderByNumberAsc(declaration.id());
    }

    void freezeCurrent(Declaration declaration, Instant now) {
        find(declaration, declaration.revision()).markSubmitted(now);
    }

    JsonNode read(Revision revision) {
        try {
            return json.readTree(revision.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("修订版本 " + revision.number() + " 的内容无法解析", e);
        }
    }

    private String write(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("申报表内容无法序列化", e);
        }
    }
}
