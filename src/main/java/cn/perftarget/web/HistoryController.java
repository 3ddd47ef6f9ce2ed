package cn.perftarget.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.perftarget.declaration.DeclarationHistory;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.FieldChange;
import cn.perftarget.declaration.RevisionView;
import cn.perftarget.declaration.TimelineEntry;
import cn.perftarget.identity.Actor;

/** Revisions, diffs and the event history of one declaration. */
@RestController
@RequestMapping("/api/declarations/{id}")
class HistoryController {

    private final DeclarationQueries queries;
    private final DeclarationHistory history;

    HistoryController(DeclarationQueries queries, DeclarationHistory history) {
        this.queries = queries;
        this.history = history;
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

    /** Our audit events merged with the engine's activities (tasks, assignees, durations), oldest first. */
    @GetMapping("/history")
    List<TimelineEntry> history(Actor actor, @PathVariable long id) {
        return history.timeline(actor, id);
    }
}
