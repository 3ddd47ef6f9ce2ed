package cn.perftarget.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on through the region's OpenID Connect provider. The provider itself is configured with Spring's own
 * {@code spring.security.oauth2.client.registration.*} (login) and
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (bearer tokens for the API); these say how a signed-in
 * person becomes one of our users.
 *
 * @param usernameClaim  the claim of the ID token (and of an access token) that carries our username
 * @param localPasswords whether our own passwords still sign in (the login form and HTTP Basic); off, only the
 *                       provider does
 * @param label          the sign-in button's text
 */
@ConfigurationProperties(prefix = "perftarget.sso")
public record SsoProperties(String usernameClaim, Boolean localPasswords, String label) {

    public SsoProperties {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        localPasswords = localPasswords == null || localPasswords;
        label = label == null || label.isBlank() ? "统一身份认证登录" : label;
    }
}
