package cn.perftarget.process;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The users of the Camunda webapps (Cockpit, Tasklist, Admin: the {@code camunda-admin} group) may look at
 * everything and change nothing: every state change of a declaration goes through our API and its audit trail.
 * The Spring Boot starter granted that group ALL on every resource when it created its admin user (databases from
 * before our users became the webapps' users still hold those grants); at each start this replaces such grants by
 * the reading permissions of each resource (and ACCESS to the applications). Our other groups: WebappGroupGrants.
 * Enforced by the engine because authorization is on ({@code camunda.bpm.authorization.enabled}).
 */
@Component
class WebappAuthorizations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WebappAuthorizations.class);

    private final ProcessEngine engine;

    WebappAuthorizations(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterPropertiesSet() {
        if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            throw new IllegalStateException("Camunda 授权检查未开启（camunda.bpm.authorization.enabled），Camunda 网页应用可绕过审批修改数据");
        }
        var service = engine.getAuthorizationService();
        int replaced = 0;
        for (Resources resource : Resources.values()) {
            var reading = readingPermissions(resource);
            for (Authorization existing : service.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).list()) {
                if (existing.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT
                        || !reading.containsAll(granted(existing, resource))) {
                    service.deleteAuthorization(existing.getId());
                    replaced++;
                }
            }
            if (!reading.isEmpty() && service.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() == 0) {
                var grant = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(Groups.CAMUNDA_ADMIN);
                grant.setResource(resource);
                grant.setResourceId(Authorization.ANY);
                reading.forEach(grant::addPermission);
                service.saveAuthorization(grant);
            }
        }
        if (replaced > 0) {
            log.info("Camunda webapp users may now only read: {} broader grant(s) of {} replaced", replaced,
                    Groups.CAMUNDA_ADMIN);
        }
    }

    /** READ, READ_HISTORY, READ_VARIABLE, … of this resource, and ACCESS for applications. */
    static Set<Permission> readingPermissions(Resources resource) {
        return Arrays.stream(ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))
                .filter(p -> p.getName().startsWith("READ") || p.getName().equals("ACCESS"))
                .filter(p -> ResourceTypeUtil.resourceIsContainedInArray(resource.resourceType(), p.getTypes()))
                .collect(Collectors.toSet());
    }

    private static Set<Permission> granted(Authorization authorization, Resources resource) {
        return Set.of(authorization.getPermissions(
                ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType())));
    }
}
