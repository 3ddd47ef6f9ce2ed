package cn.perftarget.process;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.stereotype.Component;

/** Who is logged in to the Camunda webapps (Cockpit, Tasklist, Admin) in a request's HTTP session, if anyone. */
@Component
public class WebappSessions {

    public Optional<String> userOf(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        var authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? Optional.empty() : authentications.getAuthentications().stream()
                .map(authentication -> authentication.getIdentityId())
                .filter(id -> id != null)
                .findFirst();
    }
}
