package cn.perftarget.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.review.ReviewTasks;

/**
 * The reviewer's inbox: the declarations waiting at the caller's step, a page at a time in the API's order
 * (newest declaration first); escalated and overdue tasks are marked on their rows.
 */
@Controller
class ReviewPages {

    private final ReviewTasks tasks;
    private final FormDefinitions definitions;
    private final Directory directory;

    ReviewPages(ReviewTasks tasks, FormDefinitions definitions, Directory directory) {
        this.tasks = tasks;
        this.definitions = definitions;
        this.directory = directory;
    }

    @GetMapping("/tasks")
    String inbox(Actor actor, @RequestParam(required = false) String page, Model model) {
        var waiting = tasks.waitingFor(actor, Pager.pageOf(page), Pager.SIZE);
        model.addAttribute("pager", Pager.of(waiting));
        var titles = new java.util.HashMap<String, String>();
        definitions.latestVersions().forEach(d -> titles.put(d.key(), d.title()));
        model.addAttribute("tasks", waiting.items());
        model.addAttribute("ownSubmissions", tasks.ownSubmissionsWaiting(actor));
        model.addAttribute("administrators", directory.administrators().stream().map(Actor::name).toList());
        model.addAttribute("titles", titles);
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("activeMenu", "/tasks");
        return "tasks";
    }
}
