package cn.perftarget.process.identity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query over our directory; nobody may start a process from the webapps, so no potential starter. */
final class DirectoryUserQuery extends UserQueryImpl {

    DirectoryUserQuery() {
    }

    DirectoryUserQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return matching(context).count();
    }

    @Override
    public List<User> executeList(CommandContext context, Page page) {
        return Matching.page(matching(context), page);
    }

    private Stream<User> matching(CommandContext context) {
        if (procDefId != null || tenantId != null) {
            return Stream.empty();
        }
        return DirectoryIdentityProvider.of(context).users().entrySet().stream()
                .filter(e -> groupId == null || e.getValue().contains(groupId))
                .map(e -> e.getKey())
                .filter(u -> Matching.equal(id, u.getId()) && Matching.in(ids, u.getId())
                        && Matching.equal(firstName, u.getFirstName()) && Matching.like(firstNameLike, u.getFirstName())
                        && Matching.equal(lastName, u.getLastName()) && Matching.like(lastNameLike, u.getLastName())
                        && Matching.equal(email, u.getEmail()) && Matching.like(emailLike, u.getEmail()))
                .filter(u -> DirectoryIdentityProvider.visible(context, Resources.USER, u.getId()))
                .sorted(Comparator.comparing(User::getId));
    }
}
