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

import cn.perftarget.attachment.AttachmentsProperties;
import cn.perftarget.attachment.Sizes;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.FieldChange;
import cn.perftarget.declaration.MonitoringRounds;
import cn.perftarget.declaration.SubmissionDeadlines;
import cn.perftarget.definition.AttachmentKind;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.files.SheetTemplates;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.review.ReviewRecords;
import cn.perftarget.declaration.DeclarationCopies;
import cn.perftarget.declaration.DeclarationSubmission;
import cn.perftarget.review.ReviewUrges;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.declaration.ReviewStepDefinition;

/**
 * The 申报表 of one declaration, laid out from its pinned definition: editable for the owning filer while it is a
 * draft or returned, read-only otherwise; the decision panel for the reviewer whose step it is.
 */
@Controller
class DeclarationFormPage {

    private final DeclarationQueries queries;
    private final FormDefinitions definitions;
    private final ReviewRecords records;
    private final ReviewStep reviewStep;
    private final DeclarationSubmission submission;
    private final SubmissionDeadlines deadlines;
    private final ObjectMapper json;
    private final Directory directory;
    private final OfferedPairs offered;
    private final SheetTemplates sheets;
    private final DeclarationCopies copies;
    private final AttachmentsProperties attachmentLimits;
    private final MonitoringRounds rounds;

    DeclarationFormPage(DeclarationQueries queries, FormDefinitions definitions, ReviewRecords records,
                        ReviewStep reviewStep, DeclarationSubmission submission, SubmissionDeadlines deadlines,
                        ObjectMapper json, Directory directory, OfferedPairs offered, SheetTemplates sheets,
                        DeclarationCopies copies, AttachmentsProperties attachmentLimits, MonitoringRounds rounds) {
        this.rounds = rounds;
        this.copies = copies;
        this.attachmentLimits = attachmentLimits;
        this.directory = directory;
        this.offered = offered;
        this.sheets = sheets;
        this.reviewStep = reviewStep;
        this.submission = submission;
        this.queries = queries;
        this.definitions = definitions;
        this.records = records;
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
        var turn = reviewStep.turnOf(actor, id);
        boolean decides = turn == ReviewStep.Turn.DECIDE;
        var step = decides || turn == ReviewStep.Turn.ANSWER ? reviewStep.currentStep(actor, id).orElse(null) : null;
        var decisions = records.decisions(actor, id);

        model.addAttribute("d", declaration);
        model.addAttribute("definition", definition);
        model.addAttribute("parts", new FormLayout(definition, declaration.year(),
                offered.of(definition, declaration.year()), sheets.officialColumns(definition)).parts(schema, declaration.document()));
        model.addAttribute("arrays", json.writeValueAsString(arrays(schema, "", new ArrayList<>())));
        model.addAttribute("ro", !editable);
        model.addAttribute("editable", editable);
        model.addAttribute("canWithdraw", owner && submission.withdrawable(actor, id));
        model.addAttribute("canAdjust", owner && declaration.status().allowsAdjustment());
        // 运行监控 and 自评 start from an approved declaration (not from a follow-up); the API decides the rest.
        boolean canFollowUp = owner && declaration.status().allowsAdjustment() && declaration.basedOn() == null;
        model.addAttribute("canFollowUp", canFollowUp);
        var yearRounds = canFollowUp ? rounds.of(actor, declaration.year()) : List.<MonitoringRounds.Round>of();
        model.addAttribute("rounds", yearRounds);
        // The round opened last is the one the filer is being asked for now: chosen in #follow-up-period.
        model.addAttribute("latestRound", yearRounds.stream().mapToLong(MonitoringRounds.Round::id).max().orElse(-1));
        // A declaration is due by the year's deadline, a monitoring form by its round's last day, nothing else by a day.
        model.addAttribute("dueBy", declaration.basedOn() == null ? declaration.submissionDeadline()
                : declaration.period() == null ? null : rounds.of(actor, declaration.year()).stream()
                        .filter(r -> r.period().equals(declaration.period())).map(MonitoringRounds.Round::deadline)
                        .findFirst().orElse(null));
        model.addAttribute("decides", decides);
        // 抄送 and 催办 (fragments/messaging.html): who may, as the API decides it.
        boolean canCopy = copies.mayCopy(actor, id);
        model.addAttribute("canCopy", canCopy);
        model.addAttribute("copyCandidates", canCopy ? directory.enabledActors().stream()
                .filter(a -> !a.username().equals(actor.username())).toList() : List.of());
        model.addAttribute("canUrge", declaration.status().isInReview() && ReviewUrges.mayUrge(actor, declaration)
                && queries.seesByRole(actor, id));
        model.addAttribute("answers", turn == ReviewStep.Turn.ANSWER);
        model.addAttribute("step", step);
        model.addAttribute("grades", step != null && step.grade() != ReviewStepDefinition.GradeRule.NONE);
        model.addAttribute("returnTargets", decides ? reviewStep.passedSteps(actor, id).stream()
                .filter(target -> step.mayReturnTo(target.status())).toList() : List.of());
        model.addAttribute("colleagues", decides ? reviewStep.otherReviewers(actor, id) : List.of());
        model.addAttribute("reviewers", declaration.status().isInReview() && !decides
                ? reviewStep.reviewers(actor, id).stream().map(Actor::name).toList() : List.of());
        model.addAttribute("administrators", directory.administrators().stream().map(Actor::name).toList());
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
        var kinds = definition.attachmentKinds();
        model.addAttribute("attachmentKinds", kinds);
        model.addAttribute("requiredKinds", kinds.stream().filter(AttachmentKind::required).map(AttachmentKind::name).toList());
        model.addAttribute("attachmentMaxBytes", attachmentLimits.maxFileSize().toBytes());
        model.addAttribute("attachmentLimits", List.of(Sizes.of(attachmentLimits.maxFileSize().toBytes()),
                Sizes.of(attachmentLimits.maxTotalSize().toBytes())));
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
