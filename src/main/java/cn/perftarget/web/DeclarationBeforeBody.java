package cn.perftarget.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.perftarget.declaration.ActionForbiddenException;
import cn.perftarget.declaration.DeclarationCopies;
import cn.perftarget.declaration.DeclarationQueries;
import cn.perftarget.declaration.ReviewStep;
import cn.perftarget.identity.CurrentActor;
import cn.perftarget.identity.Role;
import cn.perftarget.review.ReviewUrges;

/**
 * Authorization before content for a write to one declaration ({@code /api/declarations/{id}/…}): before Spring
 * reads the body (it does so only after the interceptors), a declaration the caller may not see is 404, and a
 * filer's action (save, submit, withdraw, adjust, upload or remove an attachment) taken by someone who is no filer,
 * or a decision by someone who reviews nothing or may not decide the step it waits in, is 403 — whatever the body
 * says; so is a 抄送 by someone who is neither its filer nor a reviewer who sees it, and a 催办 by someone who is
 * neither its filer nor 财政.
 */
@Configuration
class DeclarationBeforeBody implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> FILERS_ACTIONS = Set.of("document", "submission", "withdrawal", "adjustment",
            "attachments");
    private static final Set<String> REVIEWERS_ACTIONS = Set.of("decision", "handover", "consultation");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentActor actors;
    private final DeclarationQueries queries;
    private final ReviewStep reviewStep;
    private final DeclarationCopies copies;
    private final ReviewUrges urges;

    DeclarationBeforeBody(CurrentActor actors, DeclarationQueries queries, ReviewStep reviewStep,
                          DeclarationCopies copies, ReviewUrges urges) {
        this.actors = actors;
        this.queries = queries;
        this.reviewStep = reviewStep;
        this.copies = copies;
        this.urges = urges;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/declarations/*/*", "/api/declarations/*/attachments/*");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        String[] parts = request.getRequestURI().split("/");
        // "", "api", "declarations", id, action (and, for one attachment, its id)
        boolean oneAttachment = parts.length == 6 && parts[4].equals("attachments");
        if ((parts.length != 5 && !oneAttachment) || !parts[3].matches("[1-9][0-9]{0,17}")) {
            return true; // not an id (Spring answers 400 naming it)
        }
        var actor = actors.get();
        queries.summary(actor, Long.parseLong(parts[3]));
        String action = parts[4];
        if (FILERS_ACTIONS.contains(action) && !actor.is(Role.FILER)) {
            throw new ActionForbiddenException("只有本单位填报人可以执行此操作，当前用户角色为“" + actor.role().label() + "”");
        }
        if (action.equals("decision") && actor.roles().stream().noneMatch(Role::isReviewer)) {
            throw new ActionForbiddenException("只有审核人可以作出审核决定，当前用户角色为“" + actor.role().label() + "”");
        }
        if (REVIEWERS_ACTIONS.contains(action)) {
            reviewStep.requireDecider(actor, Long.parseLong(parts[3]));
        }
        if (action.equals("copies")) {
            copies.requireMayCopy(actor, Long.parseLong(parts[3]));
        }
        if (action.equals("urge")) {
            urges.requireMayUrge(actor, Long.parseLong(parts[3]));
        }
        return true;
    }
}
