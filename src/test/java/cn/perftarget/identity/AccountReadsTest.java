package cn.perftarget.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.perftarget.Api;
import cn.perftarget.ApplicationTest;

/**
 * Finding who to tell of a decision reads every account: with its roles in the same query, not with a select per
 * account (a district's thousand accounts made that a thousand selects per notification). A call signed in with
 * HTTP Basic reads the caller's account once.
 */
@ApplicationTest
class AccountReadsTest {

    private static final String ROLES = UserAccount.class.getName() + ".roles";

    @Autowired
    Directory directory;
    @Autowired
    EntityManagerFactory entities;
    @Autowired
    Api api;

    private Statistics statistics;
    private boolean wasEnabled;

    @BeforeEach
    void countWhatHibernateDoes() {
        statistics = entities.unwrap(SessionFactory.class).getStatistics();
        wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(wasEnabled);
    }

    @Test
    void theEnabledAccountsComeWithTheirRolesWithoutASelectPerAccount() {
        var actors = directory.enabledActors();

        assertThat(actors).hasSizeGreaterThan(5).allSatisfy(a -> assertThat(a.roles()).isNotEmpty());
        assertThat(statistics.getCollectionStatistics(ROLES).getFetchCount()).isZero();
    }

    @Test
    void everyAccountComesWithItsRolesWithoutASelectPerAccount() {
        var actors = directory.actors();

        assertThat(actors).hasSizeGreaterThan(5).allSatisfy(a -> assertThat(a.roles()).isNotEmpty());
        assertThat(statistics.getCollectionStatistics(ROLES).getFetchCount()).isZero();
    }

    @Test
    void aCallSignedInWithHttpBasicReadsTheAccountOnce() {
        var response = api.as("filer1").get("/api/forms");

        assertThat(response.status()).isEqualTo(200);
        // The password check, the failed-login count and the "may this account still act" check share one read.
        assertThat(statistics.getEntityStatistics(UserAccount.class.getName()).getLoadCount()).isEqualTo(1);
    }
}
