package cn.perftarget.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import cn.perftarget.ApplicationTest;
import cn.perftarget.MeetingPoint;
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
        var meeting = MeetingPoint.after(BudgetUnits.class, units, "findById", bothLooked);
        new OrganisationSeed(properties, meeting, users, passwords, audit, transactions, environment, version)
                .afterSingletonsInstantiated();
    }
}
