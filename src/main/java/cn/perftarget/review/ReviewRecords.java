package cn.perftarget.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.identity.Actor;

/** Reading reviewers' decisions: all of them, by field for the filer, and what changed since one's last review. */
@Service
@Transactional(readOnly = true)
public class ReviewRecords {

    private static final TypeReference<List<String>> POINTERS = new TypeReference<>() { };

    private final DeclarationQueries declarations;
    private final ReviewDecisionRepository decisions;
    private final ObjectMapper json;

    ReviewRecords(DeclarationQueries declarations, ReviewDecisionRepository decisions, ObjectMapper json) {
        this.declarations = declarations;
        this.decisions = decisions;
        this.json = json;
    }

    public List<DecisionView> decisions(Actor actor, long id) {
        declarations.summary(actor, id);
        return decisions.findByDeclarationIdOrderByIdAsc(id).stream().map(d -> d.toView(pointers(d))).toList();
    }

    /** The comments that point at fields, keyed by JSON Pointer, oldest first: what the filer sees on each field. */
    public Map<String, List<DecisionView>> commentsByField(Actor actor, long id) {
        Map<String, List<DecisionView>> byField = new LinkedHashMap<>();
        for (DecisionView decision : decisions(actor, id)) {
            for (String field : decision.fields()) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(decision);
            }
        }
        return byField;
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
