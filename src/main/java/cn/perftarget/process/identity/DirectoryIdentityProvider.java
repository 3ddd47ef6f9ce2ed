package cn.perftarget.process.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.Directory;
import cn.perftarget.identity.Role;
import cn.perftarget.identity.Unit;
import cn.perftarget.identity.UnitKind;
import cn.perftarget.identity.WorkGroups;

/**
 * Camunda's users and groups are ours, read from the {@link Directory}: the webapps check our passwords, and nobody
 * creates, changes or deletes a user or group there (the engine refuses it: this provider is read-only). Stateless,
 * so the one instance is also its own session factory.
 */
final class DirectoryIdentityProvider implements ReadOnlyIdentityProvider, SessionFactory {

    private final Directory directory;
    private final String escalationGroup;

    DirectoryIdentityProvider(Directory directory, String escalationGroup) {
        this.directory = directory;
        this.escalationGroup = escalationGroup;
    }

    static DirectoryIdentityProvider of(CommandContext context) {
        return (DirectoryIdentityProvider) context.getReadOnlyIdentityProvider();
    }

    /** Every user as Camunda sees it, with the ids of its groups. */
    Map<User, List<String>> users() {
        Map<User, List<String>> users = new LinkedHashMap<>();
        var units = directory.units();
        for (Actor actor : directory.actors()) {
            var user = new UserEntity(actor.username());
            user.setFirstName(actor.name());
            user.setLastName(units.unit(actor.department()).map(Unit::name).orElse(actor.role().label()));
            users.put(user, WorkGroups.of(actor, units, escalationGroup));
        }
        return users;
    }

    /**
     * Every group: one per role, per 主管部门 one of its reviewers and one of the 财政 reviewers it is 归口 to, the
     * 绩效科's, the supervisors of escalated reviews.
     */
    List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role != Role.SYSTEM) {
                groups.add(group(WorkGroups.of(role), role.label(),
                        role == Role.ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW));
            }
        }
        directory.units().all().stream().filter(u -> u.kind() == UnitKind.DEPARTMENT).forEach(d -> {
            groups.add(group(WorkGroups.deptReviewersOf(d.code()), Role.DEPT_REVIEWER.label() + "（" + d.name() + "）",
                    Groups.GROUP_TYPE_WORKFLOW));
            groups.add(group(WorkGroups.financeReviewersOf(d.code()), Role.FINANCE_REVIEWER.label() + "（归口 "
                    + d.name() + "）", Groups.GROUP_TYPE_WORKFLOW));
        });
        groups.add(group(WorkGroups.FINANCE_REVIEWERS_ALL, Role.FINANCE_REVIEWER.label() + "（绩效科）",
                Groups.GROUP_TYPE_WORKFLOW));
        groups.add(group(escalationGroup, "超时审核督办", Groups.GROUP_TYPE_WORKFLOW));
        return groups;
    }

    private static Group group(String id, String name, String type) {
        var group = new GroupEntity(id);
        group.setName(name);
        group.setType(type);
        return group;
    }

    /** Whether the webapp user of this command may see the user or group (administrators may see all). */
    static boolean visible(CommandContext context, Resources resource, String id) {
        return context.getAuthorizationManager().isAuthorized(Permissions.READ, resource, id);
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.passwordMatches(userId, password);
    }

    @Override
    public User findUserById(String userId) {
        return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
    }

    @Override
    public UserQuery createUserQuery() {
        return new DirectoryUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new DirectoryUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("PerfTarget 的用户目录不支持原生 SQL 查询");
    }

    @Override
    public Group findGroupById(String groupId) {
        return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new DirectoryGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DirectoryGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
