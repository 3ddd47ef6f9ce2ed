package cn.perftarget.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetUnits extends JpaRepository<BudgetUnit, String> {
}
