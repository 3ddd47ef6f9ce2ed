package cn.perftarget.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.audit.AuditRecord;
import cn.perftarget.audit.AuditTrail;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.FieldChange;
import cn.perftarget.declaration.RevisionView;
import cn.perftarget.identity.Actor;

/** Revisions, diffs and the event history of one declaration. */
@RestController
@RequestMapping("/api/declarations/{id}")
class HistoryController {

    private final DeclarationQueries queries;
    private final AuditTrail audit;

    HistoryController(DeclarationQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @GetMapping("/revisions")
    List<RevisionView> revisions(Actor actor, @PathVariable long id) {
        return queries.revisions(actor, id);
    }

    @GetMapping("/revisions/{number}")
    RevisionView revision(Actor actor, @PathVariable long id, @PathVariable int number) {
        return queries.revision(actor, id, number);
    }

    @GetMapping("/diff")
    List<FieldChange> diff(Actor actor, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return queries.diff(actor, id, from, to);
    }

    @GetMapping("/history")
    List<AuditRecord> history(Actor actor, @PathVariable long id) {
        queries.summary(actor, id);
        return audit.historyOf(id);
    }
}
