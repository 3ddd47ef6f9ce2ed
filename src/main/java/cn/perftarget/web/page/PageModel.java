package cn.perftarget.web.page;

import java.time.ZoneId;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.declaration.DeclarationNotFoundException;
import cn.perftarget.identity.Actor;
import cn.perftarget.identity.CurrentActor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.message.Messages;

/** What every page shows (who is signed in, the menu of their role), and the pages' errors as pages. */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    record MenuItem(String href, String label) {
    }

    private final CurrentActor currentActor;
    private final Directory directory;
    private final ZoneId zone;
    private final Messages messages;

    PageModel(CurrentActor currentActor, Directory directory, DeadlineProperties deadlines, Messages messages) {
        this.currentActor = currentActor;
        this.directory = directory;
        this.zone = deadlines.zone();
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("zone", zone);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return;
        }
        Actor me = currentActor.get();
        model.addAttribute("me", me);
        model.addAttribute("departmentName", me.department() == null ? null : directory.departmentName(me.department()));
        model.addAttribute("menu", menu(me.role()));
        model.addAttribute("unreadMessages", messages.unreadCount(me));
        model.addAttribute("helpHref", "/help/" + HelpPages.PAGE_OF_ROLE.get(me.role()));
    }

    static String home(Role role) {
        return switch (role) {
            case FILER, SYSTEM -> "/declarations";
            case ADMIN -> "/admin/units";
            case DEPT_REVIEWER, EXPERT -> "/tasks";
            case FINANCE_REVIEWER -> "/dashboard";
            case AUDITOR -> "/audit";
        };
    }

    private static List<MenuItem> menu(Role role) {
        return switch (role) {
            case FILER -> List.of(new MenuItem("/declarations", "我的申报"), new MenuItem("/declarations/new", "新建申报"));
            case DEPT_REVIEWER -> List.of(new MenuItem("/tasks", "待办审核"), new MenuItem("/declarations", "申报列表"),
                    new MenuItem("/imports", "批量导入"));
            case EXPERT -> List.of(new MenuItem("/tasks", "待办审核"), new MenuItem("/declarations", "申报列表"));
            case FINANCE_REVIEWER -> List.of(new MenuItem("/dashboard", "填报进度"), new MenuItem("/tasks", "待办审核"),
                    new MenuItem("/declarations", "申报列表"), new MenuItem("/imports", "批量导入"));
            case AUDITOR -> List.of(new MenuItem("/audit", "审计查询"), new MenuItem("/declarations", "申报列表"));
            case ADMIN -> List.of(new MenuItem("/admin/units", "单位管理"), new MenuItem("/admin/users", "用户管理"),
                    new MenuItem("/admin/processes", "流程模型"),
                    new MenuItem("/admin/outbox", "发件箱"), new MenuItem("/declarations", "申报列表"));
            case SYSTEM -> List.of(new MenuItem("/declarations", "申报列表"));
        };
    }

    @ExceptionHandler(DeclarationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(DeclarationNotFoundException e, Model model) {
        return error(model, "未找到", e.getMessage());
    }

    @ExceptionHandler(ActionForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ActionForbiddenException e, Model model) {
        return error(model, "无权访问", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(MethodArgumentTypeMismatchException e, Model model) {
        return error(model, "参数无效", "参数“" + e.getName() + "”的值“" + e.getValue() + "”无效");
    }

    private String error(Model model, String title, String detail) {
        common(model);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "error-page";
    }
}
