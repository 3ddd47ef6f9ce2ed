package cn.perftarget.declaration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.perftarget.identity.Directory;

/** Turns aggregates and revisions into the views callers get. */
@Component
class Views {

    private final Directory directory;
    private final SubmissionDeadlines deadlines;
    private final Clock clock;

    private final ObjectProvider<RevisionFiles> files;

    private final Declarations declarations;
    private final ObjectProvider<MonitoringRounds> monitoringRounds;

    Views(Directory directory, SubmissionDeadlines deadlines, Clock clock, ObjectProvider<RevisionFiles> files,
          Declarations declarations, ObjectProvider<MonitoringRounds> monitoringRounds) {
        this.monitoringRounds = monitoringRounds;
        this.declarations = declarations;
        this.files = files;
        this.directory = directory;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    DeclarationView of(Declaration d, JsonNode document) {
        Instant due = dueBy(d);
        Instant submitted = d.firstSubmittedAt();
        boolean overdue = due != null && (submitted == null ? clock.instant().isAfter(due) : submitted.isAfter(due));
        Instant deadline = due != null ? due : deadlines.deadline(d.year());
        return new DeclarationView(d.id(), d.formKey(), d.formVersion(), d.department(),
                directory.departmentName(d.department()), d.year(), d.status(), d.revision(), d.approvedRevision(),
                d.filedBy(), d.createdAt(), d.updatedAt(), deadline, overdue, document, d.basedOn(), d.followUpPeriod(),
                document == null ? null : followUps(d));
    }

    /**
     * A declaration is due by the year's submission deadline; a monitoring form by its round's last day, when 财政
     * opened a round for its months; a self-evaluation (or a monitoring form without a round) by no set day.
     */
    private Instant dueBy(Declaration d) {
        if (d.basedOn() == null) {
            return deadlines.deadline(d.year());
        }
        return d.followUpPeriod() == null ? null : monitoringRounds.getObject().deadline(d.year(), d.followUpPeriod()).orElse(null);
    }

    /**
     * A follow-up has none of its own; a declaration lists its 监控 and 自评 rounds, oldest first. One never approved
     * has none (a follow-up is filed only on an approved declaration), so its views skip the query.
     */
    private List<FollowUpRef> followUps(Declaration d) {
        if (d.basedOn() != null || d.id() == null || d.approvedRevision() == null) {
            return List.of();
        }
        return declarations.findFollowUps(d.id()).stream()
                .map(f -> new FollowUpRef(f.id(), f.formKey(), f.followUpPeriod(), f.status())).toList();
    }

    /** A revision; with its document, also the files listed in it. */
    RevisionView of(Revision r, JsonNode document) {
        var attachments = document == null ? null : files.orderedStream()
                .flatMap(f -> f.listed(r.declarationId(), r.number()).stream()).toList();
        return new RevisionView(r.number(), r.savedBy(), r.savedAt(), r.submittedAt(), document, attachments);
    }
}
