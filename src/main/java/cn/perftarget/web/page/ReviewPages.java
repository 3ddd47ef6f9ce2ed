package cn.perftarget.web.page;

import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.review.ReviewTask;
import cn.perftarget.review.ReviewTasks;

/** The reviewer's inbox: the declarations waiting at the caller's step, escalated and soonest due first. */
@Controller
class ReviewPages {

    private final ReviewTasks tasks;
    private final FormDefinitions definitions;

    ReviewPages(ReviewTasks tasks, FormDefinitions definitions) {
        this.tasks = tasks;
        this.definitions = definitions;
    }

    @GetMapping("/tasks")
    String inbox(Actor actor, Model model) {
        var waiting = tasks.waitingFor(actor).stream()
                .sorted(Comparator.comparing((ReviewTask t) -> t.task() == null || !t.task().escalated())
                        .thenComparing(t -> t.task() == null || t.task().due() == null ? java.time.Instant.MAX : t.task().due()))
                .toList();
        var titles = new java.util.HashMap<String, String>();
        definitions.latestVersions().forEach(d -> titles.put(d.key(), d.title()));
        model.addAttribute("tasks", waiting);
        model.addAttribute("titles", titles);
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("activeMenu", "/tasks");
        return "tasks";
    }
}
