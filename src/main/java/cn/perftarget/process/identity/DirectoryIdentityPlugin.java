package cn.perftarget.process.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.authorization.Permission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.perftarget.identity.Directory;

/**
 * Plugs our directory into the engine as its read-only identity provider (so the webapps log our users in with
 * their own passwords), and makes the grants the engine gives a task's candidate groups and assignee READ only:
 * Tasklist shows reviewers their tasks, decisions are taken in our UI and API.
 */
@Component
class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

    private final Directory directory;
    private final String escalationGroup;

    DirectoryIdentityPlugin(Directory directory,
                            @Value("${perftarget.deadlines.review.escalation-group:review-supervisors}") String escalationGroup) {
        this.directory = directory;
        this.escalationGroup = escalationGroup;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new DirectoryIdentityProvider(directory, escalationGroup));
        configuration.setResourceAuthorizationProvider(new ReadOnlyTaskGrants());
    }

    /** The engine's default grants, minus UPDATE (or TASK_WORK) on the tasks a group or user is a candidate for. */
    static final class ReadOnlyTaskGrants extends DefaultAuthorizationProvider {

        @Override
        protected Permission getDefaultUserPermissionForTask() {
            return null;
        }
    }
}
