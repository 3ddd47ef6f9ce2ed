package cn.perftarget.web.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.FieldChange;
import cn.perftarget.declaration.SubmissionDeadlines;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;
import cn.perftarget.review.ReviewRecords;
import cn.perftarget.review.ReviewTasks;

/**
 * The 申报表 of one declaration, laid out from its pinned definition: editable for the owning filer while it is a
 * draft or returned, read-only otherwise; the decision panel for the reviewer whose step it is.
 */
@Controller
class DeclarationFormPage {

    private final DeclarationQueries queries;
    private final FormDefinitions definitions;
    private final ReviewRecords records;
    private final ReviewTasks tasks;
    private final SubmissionDeadlines deadlines;
    private final ObjectMapper json;

    DeclarationFormPage(DeclarationQueries queries, FormDefinitions definitions, ReviewRecords records,
                        ReviewTasks tasks, SubmissionDeadlines deadlines, ObjectMapper json) {
        this.queries = queries;
        this.definitions = definitions;
        this.records = records;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.json = json;
    }

    @GetMapping("/declarations/{id}")
    String form(Actor actor, @PathVariable long id, Model model) throws Exception {
        var declaration = queries.get(actor, id);
        var definition = definitions.find(declaration.formKey(), declaration.formVersion()).orElseThrow();
        JsonNode schema = definition.documentSchema();
        boolean owner = actor.is(Role.FILER) && actor.belongsTo(declaration.department());
        boolean editable = owner && declaration.status().isEditable();
        boolean decides = actor.role().isReviewer() && declaration.status().isInReview()
                && tasks.isWaitingFor(actor, declaration);
        var decisions = records.decisions(actor, id);

        model.addAttribute("d", declaration);
        model.addAttribute("definition", definition);
        model.addAttribute("parts", new FormLayout(definition, declaration.year()).parts(schema, declaration.document()));
        model.addAttribute("arrays", json.writeValueAsString(arrays(schema, "", new ArrayList<>())));
        model.addAttribute("ro", !editable);
        model.addAttribute("editable", editable);
        model.addAttribute("canWithdraw", owner && declaration.status().allowsWithdrawal());
        model.addAttribute("canAdjust", owner && declaration.status().allowsAdjustment());
        model.addAttribute("decides", decides);
        model.addAttribute("grades", actor.is(Role.FINANCE_REVIEWER));
        model.addAttribute("decisions", decisions);
        model.addAttribute("comments", records.commentsByField(actor, id));
        model.addAttribute("deadline", deadlines.deadline(declaration.year()));
        var changes = decides && decisions.stream().anyMatch(d -> d.reviewer().equals(actor.username()))
                ? changes(actor, id) : List.<FieldChange>of();
        var changed = new HashMap<String, FieldChange>();
        changes.forEach(c -> changed.put(c.path(), c));
        model.addAttribute("changes", changes);
        model.addAttribute("changed", changed);
        model.addAttribute("activeMenu", owner ? "/declarations" : "/tasks");
        return "declarations/form";
    }

    private List<FieldChange> changes(Actor actor, long id) {
        try {
            return records.changesSinceMyReview(actor, id).changes();
        } catch (DeclarationNotFoundException e) {
            return List.of();
        }
    }

    /** The pattern pointers of every array in the schema, so the page's script builds arrays, not objects. */
    private static List<String> arrays(JsonNode schema, String pattern, List<String> found) {
        switch (schema.path("type").asText()) {
            case "array" -> {
                found.add(pattern);
                arrays(schema.path("items"), pattern + "/*", found);
            }
            case "object" -> {
                for (Map.Entry<String, JsonNode> field : schema.path("fields").properties()) {
                    arrays(field.getValue(), pattern + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), found);
                }
            }
            default -> { }
        }
        return found;
    }
}
