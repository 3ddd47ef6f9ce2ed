package cn.perftarget.web.page;

import java.time.Year;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.DeclarationView;
import cn.perftarget.declaration.SubmissionDeadlines;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Role;

/** The filer's home (the department's declarations by year and status) and 新建申报. */
@Controller
class DeclarationPages {

    private final DeclarationQueries queries;
    private final FormDefinitions definitions;
    private final SubmissionDeadlines deadlines;

    DeclarationPages(DeclarationQueries queries, FormDefinitions definitions, SubmissionDeadlines deadlines) {
        this.queries = queries;
        this.definitions = definitions;
        this.deadlines = deadlines;
    }

    @GetMapping("/declarations")
    String list(Actor actor, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) DeclarationStatus status, Model model) {
        var declarations = queries.list(actor, status, year).stream()
                .sorted(Comparator.comparingInt(DeclarationView::year).reversed()
                        .thenComparing(DeclarationView::id, Comparator.reverseOrder()))
                .toList();
        model.addAttribute("declarations", declarations);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Arrays.asList(DeclarationStatus.values()));
        model.addAttribute("canCreate", actor.is(Role.FILER));
        model.addAttribute("titles", titles());
        model.addAttribute("activeMenu", "/declarations");
        if (year != null) {
            model.addAttribute("deadline", deadlines.deadline(year));
        }
        return "declarations/list";
    }

    @GetMapping("/declarations/new")
    String create(Actor actor, Model model) {
        if (!actor.is(Role.FILER)) {
            throw new cn.perftarget.declaration.ActionForbiddenException("只有填报人可以新建申报，当前用户角色为“"
                    + actor.role().label() + "”");
        }
        model.addAttribute("forms", definitions.latestVersions());
        model.addAttribute("earlier", queries.list(actor, null, null).stream()
                .sorted(Comparator.comparingInt(DeclarationView::year).reversed()
                        .thenComparing(DeclarationView::id, Comparator.reverseOrder()))
                .toList());
        model.addAttribute("titles", titles());
        model.addAttribute("nextYear", Year.now().getValue() + 1);
        model.addAttribute("activeMenu", "/declarations/new");
        return "declarations/new";
    }

    private java.util.Map<String, String> titles() {
        var titles = new java.util.HashMap<String, String>();
        definitions.latestVersions().forEach(d -> titles.put(d.key(), d.title()));
        return titles;
    }
}
