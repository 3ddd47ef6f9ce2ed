package cn.perftarget.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import cn.perftarget.declaration.DeadlineProperties;
import cn.perftarget.identity.WorkGroups;

/**
 * What each of our groups may see in the Camunda webapps, besides {@code camunda-admin} ({@link WebappAuthorizations}):
 * reviewers open Tasklist and see the tasks they are candidates for (the engine grants a candidate group READ on
 * its task, and no more: see the identity plugin) through the filter 待我审核; auditors open Cockpit and read
 * everything; filers open no webapp at all (no application ACCESS, so their login is refused). Nobody but
 * {@code camunda-admin} reads other resources, and nobody changes anything.
 */
@Component
class WebappGroupGrants implements InitializingBean {

    static final String TASKLIST_FILTER = "待我审核";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String escalationGroup;

    WebappGroupGrants(ProcessEngine engine, DeadlineProperties deadlines) {
        this.authorizations = engine.getAuthorizationService();
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
        this.escalationGroup = deadlines.review().escalationGroup();
    }

    @Override
    public void afterPropertiesSet() {
        for (String reviewers : List.of(WorkGroups.DEPT_REVIEWERS, WorkGroups.FINANCE_REVIEWERS, WorkGroups.EXPERTS,
                escalationGroup)) {
            grant(reviewers, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(reviewers, Resources.FILTER, Authorization.ANY, Permissions.READ);
            // Every approval model a bureau deploys, whatever its key.
            grant(reviewers, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(reviewers, Resources.USER, Authorization.ANY, Permissions.READ);
            grant(reviewers, Resources.GROUP, Authorization.ANY, Permissions.READ);
        }
        grant(WorkGroups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        for (Resources resource : Resources.values()) {
            var reading = WebappAuthorizations.readingPermissions(resource);
            if (resource != Resources.APPLICATION && !reading.isEmpty()) {
                grant(WorkGroups.AUDITORS, resource, Authorization.ANY, reading.toArray(Permission[]::new));
            }
        }
        if (filters.createFilterQuery().filterName(TASKLIST_FILTER).count() == 0) {
            var filter = filters.newTaskFilter(TASKLIST_FILTER);
            filter.setQuery(engineTaskQuery());
            filter.setProperties(Map.of("description", "我可查看的申报审核任务；审核请在 PerfTarget 中办理",
                    "priority", -10, "refresh", true));
            filters.saveFilter(filter);
        }
    }

    private TaskQuery engineTaskQuery() {
        return tasks.createTaskQuery().orderByTaskCreateTime().asc();
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).list().stream()
                .anyMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT);
        if (!present) {
            var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            for (Permission permission : permissions) {
                grant.addPermission(permission);
            }
            authorizations.saveAuthorization(grant);
        }
    }
}
