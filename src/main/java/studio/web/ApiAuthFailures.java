package studio.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Authentication and authorization failures on /api/* answer as JSON (docs/API.md error shape), never with a login
 * redirect: a CI job must see "401, here is why", not an HTML page.
 */
@ApplicationScoped
public class ApiAuthFailures {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
        // After authentication (order -200), before authorization (-100): no identity at all means no (valid)
        // credentials were sent, and the answer is a JSON 401 rather than the OIDC challenge's empty body.
        router.route("/api/*").order(-150).handler(this::requireIdentity);
    }

    private void requireIdentity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"studio\"");
        write(ctx, 401, "Authentication required: send 'Authorization: Bearer <token>' (./studio token <user>)");
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (isAuthentication(failure) || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"studio\", error=\"invalid_token\"");
            write(ctx, 401, "The bearer token is invalid or expired");
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            write(ctx, 403, "Your roles do not allow this action");
        } else {
            ctx.next();
        }
    }

    private static boolean isAuthentication(Throwable t) {
        return t instanceof AuthenticationFailedException || t instanceof UnauthorizedException
                || t instanceof AuthenticationCompletionException || t instanceof AuthenticationRedirectException;
    }

    private static void write(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApiErrors.PROBLEM_JSON)
                .end(ApiErrors.json(status, message));
    }
}
