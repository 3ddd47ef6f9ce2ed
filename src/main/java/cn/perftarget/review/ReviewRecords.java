package cn.perftarget.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;

/** Reading reviewers' decisions: all of them, by field for the filer, and what changed since one's last review. */
@Service
@Transactional(readOnly = true)
public class ReviewRecords {

    private static final TypeReference<List<String>> POINTERS = new TypeReference<>() { };

    private final DeclarationQueries declarations;
    private final ReviewDecisionRepository decisions;
    private final ObjectMapper json;
    private final Directory directory;

    ReviewRecords(DeclarationQueries declarations, ReviewDecisionRepository decisions, ObjectMapper json,
                  Directory directory) {
        this.directory = directory;
        this.declarations = declarations;
        this.decisions = decisions;
        this.json = json;
    }

    public List<DecisionView> decisions(Actor actor, long id) {
        declarations.summary(actor, id);
        var names = new HashMap<String, String>();
        return decisions.findByDeclarationIdOrderByIdAsc(id).stream().map(d -> d.toView(declarations.status(d.step()),
                names.computeIfAbsent(d.reviewer(), directory::personName), pointers(d))).toList();
    }

    /**
     * The comments that point at fields, keyed by JSON Pointer, oldest first: what the filer sees on each field. A
     * comment is addressed once the field's value differs from the one the reviewer saw, and settled once the
     * declaration was approved on that revision or a later one.
     */
    public Map<String, List<FieldComment>> commentsByField(Actor actor, long id) {
        var current = declarations.get(actor, id);
        Integer approved = current.approvedRevision();
        Map<Integer, JsonNode> seen = new HashMap<>();
        Map<String, List<FieldComment>> byField = new LinkedHashMap<>();
        for (DecisionView decision : decisions(actor, id)) {
            for (String field : decision.fields()) {
                JsonNode then = seen.computeIfAbsent(decision.revision(),
                        n -> declarations.revision(actor, id, n).document());
                boolean addressed = !same(valueAt(then, field), valueAt(current.document(), field));
                boolean settled = approved != null && decision.revision() <= approved;
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(new FieldComment(decision, addressed, settled));
            }
        }
        return byField;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    /** The value at a pointer; a missing value and an empty text read the same (the page cannot tell them apart). */
    private static JsonNode valueAt(JsonNode document, String pointer) {
        JsonNode value = document == null ? MissingNode.getInstance() : document.at(pointer);
        return value.isNull() || value.isTextual() && value.asText().isEmpty() ? MissingNode.getInstance() : value;
    }

    /** Field-level changes from the revision the caller last decided on to the current revision. */
    public ChangesSinceReview changesSinceMyReview(Actor actor, long id) {
        int current = declarations.summary(actor, id).revision();
        var mine = decisions.findByDeclarationIdOrderByIdAsc(id).stream()
                .filter(d -> d.reviewer().equals(actor.username()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new DeclarationNotFoundException("您尚未审核过申报表 " + id + "，没有可比较的修订版本"));
        return new ChangesSinceReview(mine.revision(), current, declarations.diff(actor, id, mine.revision(), current));
    }

    private List<String> pointers(ReviewDecision decision) {
        if (decision.fields() == null) {
            return List.of();
        }
        try {
            return json.readValue(decision.fields(), POINTERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("审核意见 " + decision + " 的字段列表无法解析", e);
        }
    }
}
