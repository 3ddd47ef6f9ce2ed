package cn.perftarget.process.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** PerfTarget has no tenants: one organisation, its departments are groups. */
final class NoTenantQuery extends TenantQueryImpl {

    NoTenantQuery() {
    }

    NoTenantQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext context, Page page) {
        return List.of();
    }
}
