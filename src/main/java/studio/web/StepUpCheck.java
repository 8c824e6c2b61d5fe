package studio.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import studio.security.LocalPath;
import studio.security.LoginTime;
import studio.security.Reauthentication;
import studio.security.RecentLogin;
import studio.security.StepUp;

/**
 * Holds back every {@link StepUp} decision whose person did not sign in recently enough, before the resource method
 * runs (so nothing is decided or recorded). The browser is sent to sign in again and back to the page it decided on:
 * a plain form with 303, htmx with {@code HX-Redirect}. An API caller gets 401 with the RFC 9470 challenge
 * {@code insufficient_user_authentication} and the {@code max_age} its next token must satisfy. Roles are checked
 * before this (a service account is refused 403 as it always was).
 */
public class StepUpCheck {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "studio.security.step-up.max-age", defaultValue = "15m")
    Duration maxAge;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 100)
    public Response requireRecentLogin(ResourceInfo resource, RoutingContext routing) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(StepUp.class)) return null;
        RecentLogin rule = new RecentLogin(maxAge);
        if (rule.isRecent(LoginTime.of(identity).orElse(null), Instant.now())) return null;
        if (CsrfGuard.isApi(routing.normalizedPath())) return challenge(rule);
        String page = LocalPath.of(pageUrl(routing), routing.request().getHeader("Host"), "/approvals");
        URI again = URI.create(Reauthentication.path(page));
        if ("true".equals(routing.request().getHeader(Htmx.REQUEST))) {
            return Response.status(401).header("HX-Redirect", again.toString()).header("Vary", Htmx.VARY).build();
        }
        return Htmx.seeOther(again);
    }

    private static Response challenge(RecentLogin rule) {
        return ApiErrors.response(401, "This decision needs a recent sign-in: get a token from an authentication at most "
                        + rule.maxAgeSeconds() + " seconds old (the token's auth_time) and try again")
                .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"This decision needs an authentication within the last " + rule.maxAgeSeconds()
                        + " seconds\", max_age=\"" + rule.maxAgeSeconds() + "\"")
                .build();
    }

    /** The page the decision was made on: htmx names it, a plain form's browser sends it as the Referer. */
    private static String pageUrl(RoutingContext routing) {
        String current = routing.request().getHeader("HX-Current-URL");
        return current != null ? current : routing.request().getHeader("Referer");
    }
}
