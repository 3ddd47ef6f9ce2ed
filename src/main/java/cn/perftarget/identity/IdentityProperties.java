package cn.perftarget.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Accounts and departments; the demo profile provides the demo ones, production its own. */
@ConfigurationProperties(prefix = "perftarget.security")
record IdentityProperties(List<Account> users, Map<String, String> departments) {

    IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    record Account(String username, String password, Role role, String department, String name) {
    }
}
