package cn.perftarget.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import cn.perftarget.identity.SsoAccounts;
import cn.perftarget.identity.SsoProperties;

/**
 * OpenID Connect beside our own passwords, when the properties name a provider: the pages sign in through its
 * authorization-code flow, the API accepts its bearer tokens. Either way the person becomes our user of the
 * username the token carries, with that user's roles; nobody else gets in.
 */
@Component
public class SingleSignOn {

    static final String UNKNOWN_USER = "unknown_user";

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final ObjectProvider<JwtDecoder> bearerTokens;
    private final SsoAccounts accounts;
    private final SsoProperties properties;
    private final ProblemWriter problems;

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations, ObjectProvider<JwtDecoder> bearerTokens,
                 SsoAccounts accounts, SsoProperties properties, ProblemWriter problems) {
        this.registrations = registrations;
        this.bearerTokens = bearerTokens;
        this.accounts = accounts;
        this.properties = properties;
        this.problems = problems;
    }

    /** The provider's sign-in, for the login page's button; empty when none is configured. */
    public Optional<ClientRegistration> registration() {
        return Optional.ofNullable(registrations.getIfAvailable())
                .filter(InMemoryClientRegistrationRepository.class::isInstance)
                .flatMap(r -> ((InMemoryClientRegistrationRepository) r).iterator().hasNext()
                        ? Optional.of(((InMemoryClientRegistrationRepository) r).iterator().next()) : Optional.empty());
    }

    public boolean localPasswords() {
        return properties.localPasswords();
    }

    public String label() {
        return properties.label();
    }

    /** The pages' chain: login through the provider, failures back to the login page with their reason. */
    public void page(HttpSecurity http) throws Exception {
        if (registration().isEmpty()) {
            return;
        }
        var oidc = new OidcUserService();
        http.oauth2Login(login -> login
                .loginPage("/login")
                .userInfoEndpoint(info -> info.oidcUserService(request -> ourUser(oidc, request)))
                .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?"
                        + (e instanceof OAuth2AuthenticationException o && UNKNOWN_USER.equals(o.getError().getErrorCode())
                        ? "sso-unknown" : "sso-error")))
                .defaultSuccessUrl("/", false));
    }

    private OidcUser ourUser(OidcUserService oidc, OidcUserRequest request) {
        OidcUser person = oidc.loadUser(request);
        var user = accounts.account(person.getClaims()).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(UNKNOWN_USER, "统一身份认证的用户在本系统中不存在或已停用", null)));
        return new DefaultOidcUser(user.getAuthorities(), person.getIdToken(), person.getUserInfo(),
                accounts.usernameClaim());
    }

    /** The API's chain: bearer tokens of the provider, as our user named by the token. */
    public void api(HttpSecurity http) throws Exception {
        if (bearerTokens.getIfAvailable() == null) {
            return;
        }
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> {
                    var user = accounts.account(token.getClaims()).orElseThrow(() -> new InvalidBearerTokenException(
                            "令牌中的用户（" + accounts.usernameClaim() + "）在本系统中不存在或已停用"));
                    return new JwtAuthenticationToken(token, user.getAuthorities(), user.getUsername());
                }))
                .authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                        "令牌无效", "访问令牌无效、已过期，或其中的用户在本系统中不存在或已停用", "bad-token",
                        request.getRequestURI())));
    }
}
