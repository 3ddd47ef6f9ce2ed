package cn.perftarget.process.identity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query over our roles, departments and the escalation group. */
final class DirectoryGroupQuery extends GroupQueryImpl {

    DirectoryGroupQuery() {
    }

    DirectoryGroupQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return matching(context).count();
    }

    @Override
    public List<Group> executeList(CommandContext context, Page page) {
        return Matching.page(matching(context), page);
    }

    private Stream<Group> matching(CommandContext context) {
        if (procDefId != null || tenantId != null) {
            return Stream.empty();
        }
        var provider = DirectoryIdentityProvider.of(context);
        List<String> ofUser = userId == null ? null : provider.users().entrySet().stream()
                .filter(e -> e.getKey().getId().equals(userId)).flatMap(e -> e.getValue().stream()).toList();
        return provider.groups().stream()
                .filter(g -> ofUser == null || ofUser.contains(g.getId()))
                .filter(g -> Matching.equal(id, g.getId()) && Matching.in(ids, g.getId())
                        && Matching.equal(name, g.getName()) && Matching.like(nameLike, g.getName())
                        && Matching.equal(type, g.getType()))
                .filter(g -> DirectoryIdentityProvider.visible(context, Resources.GROUP, g.getId()))
                .sorted(Comparator.comparing(Group::getId));
    }
}
