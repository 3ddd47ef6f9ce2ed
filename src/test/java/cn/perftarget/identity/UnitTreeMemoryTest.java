package cn.perftarget.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.perftarget.ApplicationTest;

/** The unit tree is kept in memory, yet every committed change — here or on another node — is seen at once. */
@ApplicationTest
class UnitTreeMemoryTest {

    @Autowired
    Directory directory;
    @Autowired
    UnitAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final Actor admin = new Actor("admin", "系统管理员", java.util.Set.of(Role.ADMIN), null);

    @Test
    void aRenameThroughTheAdministrationIsSeenByTheNextRead() {
        String code = "MEM-" + System.nanoTime() % 100000;
        administration.create(admin, new UnitCommand(code, "内存测试单位", UnitKind.DEPARTMENT, null, true, List.of()));
        assertThat(directory.units().unit(code)).map(Unit::name).contains("内存测试单位");

        administration.change(admin, code, new UnitCommand(null, "改名后的单位", null, null, null, null));

        assertThat(directory.units().unit(code)).map(Unit::name).contains("改名后的单位");
    }

    @Test
    void aChangeCommittedByAnotherNodeIsSeenByTheNextRead() {
        String code = "MEM2-" + System.nanoTime() % 100000;
        administration.create(admin, new UnitCommand(code, "另一节点的单位", UnitKind.DEPARTMENT, null, true, List.of()));
        directory.units();

        // another node renames the unit: its own transaction writes the row and bumps the version
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.update("update budget_unit set name = ? where code = ?", "另一节点改的名", code);
            jdbc.update("update organisation_version set version = version + 1 where id = 1");
        });

        assertThat(directory.units().unit(code)).map(Unit::name).contains("另一节点改的名");
    }

    @Test
    void aRolledBackChangeNeverReachesTheMemory() {
        String code = "MEM3-" + System.nanoTime() % 100000;
        administration.create(admin, new UnitCommand(code, "回滚前的名", UnitKind.DEPARTMENT, null, true, List.of()));

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            administration.change(admin, code, new UnitCommand(null, "回滚的名", null, null, null, null));
            assertThat(directory.units().unit(code)).map(Unit::name).contains("回滚的名");
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(directory.units().unit(code)).map(Unit::name).contains("回滚前的名");
        // and a later committed change under the version the rolled-back one had used is still read fresh
        administration.change(admin, code, new UnitCommand(null, "提交的名", null, null, null, null));
        assertThat(directory.units().unit(code)).map(Unit::name).contains("提交的名");
    }
}
