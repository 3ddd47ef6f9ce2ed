package cn.perftarget.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks up accounts and departments; also the {@link UserDetailsService} behind HTTP Basic. */
@Component
public class Directory implements UserDetailsService {

    private final Map<String, IdentityProperties.Account> accounts;
    private final Map<String, String> departments;
    private final PasswordEncoder passwords;

    Directory(IdentityProperties properties, PasswordEncoder passwords) {
        this.passwords = passwords;
        this.accounts = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.Account::username, Function.identity()));
        this.departments = properties.departments();
        accounts.values().stream()
                .filter(a -> a.department() != null && !departments.containsKey(a.department()))
                .findFirst()
                .ifPresent(a -> {
                    throw new IllegalStateException("用户 " + a.username() + " 的部门 " + a.department() + " 未在 perftarget.security.departments 中定义");
                });
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(account.username())
                .password(account.password())
                .roles(account.role().name())
                .build();
    }

    /** The actor for an authenticated username, if it is one of ours. */
    public Optional<Actor> actor(String username) {
        return Optional.ofNullable(accounts.get(username))
                .map(a -> new Actor(a.username(), a.name() == null ? a.username() : a.name(), a.role(), a.department()));
    }

    /** Every account, ordered by username. */
    public List<Actor> actors() {
        return accounts.keySet().stream().sorted().map(username -> actor(username).orElseThrow()).toList();
    }

    /** Whether the password is this account's, checked against its stored (encoded) password. */
    public boolean passwordMatches(String username, String rawPassword) {
        var account = accounts.get(username);
        if (account == null || rawPassword == null) {
            return false;
        }
        try {
            return passwords.matches(rawPassword, account.password());
        } catch (IllegalArgumentException noEncoderForStoredPassword) {
            return false;
        }
    }

    /** The code of a department given by its Chinese name (as a sheet names it) or by its code. */
    public Optional<String> departmentCode(String nameOrCode) {
        if (departments.containsKey(nameOrCode)) {
            return Optional.of(nameOrCode);
        }
        return departments.entrySet().stream().filter(e -> e.getValue().equals(nameOrCode)).map(Map.Entry::getKey).findFirst();
    }

    /** Every department: code → Chinese name, sorted by code. */
    public Map<String, String> departments() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(departments));
    }

    /** The Chinese name of a department code, or the code itself when unknown. */
    public String departmentName(String code) {
        return departments.getOrDefault(code, code);
    }
}
