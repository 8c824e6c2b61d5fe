package studio.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response Studio sends: pages, fragments, redirects (the login redirect too), JSON,
 * downloads and errors. HTML pages get the full content security policy, which allows no inline script: htmx is
 * configured not to inject styles or evaluate code, and all behaviour lives in /static/app.js. Anything else gets
 * {@code default-src 'none'}: a JSON body or a downloaded document opened in a browser runs nothing and loads nothing.
 * Swagger UI under /q/ ships inline scripts, so it keeps only {@code frame-ancestors}.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String NOT_A_PAGE = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String TOOLING = "frame-ancestors 'none'";

    @ConfigProperty(name = "studio.security.hsts", defaultValue = "false")
    boolean hsts;

    /** Where browsers meet the identity provider; defaults to the OIDC server's own origin. */
    @ConfigProperty(name = "studio.security.identity-provider-origin")
    Optional<String> identityProviderOrigin;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    private String pagePolicy;

    void install(@Observes Router router) {
        pagePolicy = policy(URI.create(identityProviderOrigin.orElse(authServerUrl)));
        router.route().order(Integer.MIN_VALUE + 1).handler(this::addHeaders);
    }

    /** A form whose session expired is redirected to the identity provider: form-action must allow it. */
    static String policy(URI identityProvider) {
        String idp = identityProvider.getScheme() + "://" + identityProvider.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + idp
                + "; frame-ancestors 'none'";
    }

    /** The content security policy for a response of {@code contentType} (null when there is no body) at {@code path}. */
    static String policyFor(String path, String contentType, String pagePolicy) {
        if (path.startsWith("/q/")) return TOOLING;
        return contentType != null && contentType.startsWith("text/html") ? pagePolicy : NOT_A_PAGE;
    }

    private void addHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("Content-Security-Policy", policyFor(path(ctx), h.get("Content-Type"), pagePolicy));
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (hsts) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        });
        ctx.next();
    }

    private static String path(RoutingContext ctx) {
        String path = ctx.request().path();
        return path == null ? "" : path;
    }
}
