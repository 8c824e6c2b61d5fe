package studio.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every HTML page Studio renders. The CSP allows no inline script: htmx is configured not
 * to inject styles or evaluate code, and all behaviour lives in /static/app.js. Swagger UI under /q/ ships
 * inline scripts and is left to its own defaults.
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(name = "studio.security.hsts", defaultValue = "false")
    boolean hsts;

    /** Where browsers meet the identity provider; defaults to the OIDC server's own origin. */
    @ConfigProperty(name = "studio.security.identity-provider-origin")
    Optional<String> identityProviderOrigin;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    private String csp;

    void install(@Observes Router router) {
        csp = policy(URI.create(identityProviderOrigin.orElse(authServerUrl)));
        router.route().order(Integer.MIN_VALUE + 1).handler(this::addHeaders);
    }

    /** A form whose session expired is redirected to the identity provider: form-action must allow it. */
    static String policy(URI identityProvider) {
        String idp = identityProvider.getScheme() + "://" + identityProvider.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + idp
                + "; frame-ancestors 'none'";
    }

    private void addHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            String type = ctx.response().headers().get("Content-Type");
            if (type == null || !type.startsWith("text/html") || ctx.request().path().startsWith("/q/")) {
                return;
            }
            var h = ctx.response().headers();
            h.set("Content-Security-Policy", csp);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (hsts) {
                h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        ctx.next();
    }
}
