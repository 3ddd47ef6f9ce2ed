package cn.perftarget.identity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccounts extends JpaRepository<UserAccount, String> {

    // The roles in the same query: a derived query loads each account's eager roles with a select of its own, one
    // per user, which a district's thousand accounts turn into a thousand selects per decision's notifications.
    @Query("select u from UserAccount u left join fetch u.roles order by u.username")
    List<UserAccount> findAllByOrderByUsernameAsc();

    @Query("select u from UserAccount u left join fetch u.roles where u.enabled = true order by u.username")
    List<UserAccount> findEnabled();

    long countByUnitCode(String unitCode);
}
