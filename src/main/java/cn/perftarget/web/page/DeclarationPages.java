package cn.perftarget.web.page;

import java.time.Year;
import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.DeclarationStatus;
import cn.perftarget.declaration.ListOrder;
import cn.perftarget.declaration.SubmissionDeadlines;
import cn.perftarget.definition.FormDefinitions;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;

/** The filer's home (the department's declarations, latest year and newest first, a page at a time) and 新建申报. */
@Controller
class DeclarationPages {

    /** How many earlier declarations 新建申报 offers to start from. */
    static final int EARLIER = 100;

    private final DeclarationQueries queries;
    private final FormDefinitions definitions;
    private final SubmissionDeadlines deadlines;
    private final Directory directory;

    DeclarationPages(DeclarationQueries queries, FormDefinitions definitions, SubmissionDeadlines deadlines,
                     Directory directory) {
        this.queries = queries;
        this.definitions = definitions;
        this.deadlines = deadlines;
        this.directory = directory;
    }

    @GetMapping("/declarations")
    String list(Actor actor, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) DeclarationStatus status,
                @RequestParam(required = false) String department,
                @RequestParam(required = false) String page, Model model) {
        boolean ofDepartment = department != null && !department.isBlank();
        var found = ofDepartment
                ? queries.pageOfDepartment(actor, department, status, year, ListOrder.LATEST_YEAR, Pager.pageOf(page), Pager.SIZE)
                : queries.page(actor, status, year, ListOrder.LATEST_YEAR, Pager.pageOf(page), Pager.SIZE);
        model.addAttribute("department", ofDepartment ? department : null);
        model.addAttribute("departments", actor.is(Role.FILER) || actor.is(Role.DEPT_REVIEWER)
                ? java.util.Map.of() : directory.departments());
        model.addAttribute("declarations", found.items());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("statuses", queries.statuses());
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
        // The recent ones are what a filer copies from; an older one is still copyFrom by its id through the API.
        model.addAttribute("earlier", queries.page(actor, null, null, ListOrder.LATEST_YEAR, 0, EARLIER).items());
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
