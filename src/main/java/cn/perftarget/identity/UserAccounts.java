package cn.perftarget.identity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, String> {

    List<UserAccount> findAllByOrderByUsernameAsc();

    long countByUnitCode(String unitCode);
}
