package cn.perftarget.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import cn.perftarget.ApplicationTest;
import cn.perftarget.audit.AuditTrail;

/** Two nodes started at the same moment on one database both seed the organisation; both start, nothing is doubled. */
@ApplicationTest
class OrganisationSeedTest {

    @Autowired
    BudgetUnits units;
    @Autowired
    UserAccounts users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment environment;
    @Autowired
    OrganisationVersion version;

    @Test
    void twoNodesSeedingTogetherBothStartAndWriteEachUnitAndUserOnce() {
        String code = "SEED-" + System.nanoTime() % 1_000_000;
        var properties = new IdentityProperties(
                List.of(new IdentityProperties.Account(code.toLowerCase(), "pw", Role.FILER, null, code, null, "种子用户")),
                Map.of(code, "同时启动的种子单位"), List.of(), null, null);
        // Each node looks for the unit and then waits (briefly) for the other to have looked too: without an order
        // between the seeds both find nothing and both insert.
        var bothLooked = new CyclicBarrier(2);

        var first = CompletableFuture.runAsync(() -> seed(properties, bothLooked));
        var second = CompletableFuture.runAsync(() -> seed(properties, bothLooked));

        assertThat(first).succeedsWithin(java.time.Duration.ofSeconds(30));
        assertThat(second).succeedsWithin(java.time.Duration.ofSeconds(30));
        assertThat(units.findById(code)).map(BudgetUnit::name).contains("同时启动的种子单位");
        assertThat(users.findById(code.toLowerCase())).isPresent();
    }

    private void seed(IdentityProperties properties, CyclicBarrier bothLooked) {
        new OrganisationSeed(properties, meetingAfterTheFirstLook(bothLooked), users, passwords, audit, transactions,
                environment, version).afterSingletonsInstantiated();
    }

    private BudgetUnits meetingAfterTheFirstLook(CyclicBarrier bothLooked) {
        return (BudgetUnits) Proxy.newProxyInstance(BudgetUnits.class.getClassLoader(), new Class<?>[] {BudgetUnits.class},
                (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(units, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("findById") && !bothLooked.isBroken()) {
                        try {
                            // Shorter than the database's lock timeout: a node kept waiting by the other may not fail.
                            bothLooked.await(500, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException | BrokenBarrierException e) {
                            // the other node waits for this one's commit: the order the seed must have
                        }
                    }
                    return result;
                });
    }
}
