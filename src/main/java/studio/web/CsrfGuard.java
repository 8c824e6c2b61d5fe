package studio.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every state-changing request to a page route carries the CSRF token, equal to the {@code studio-csrf} cookie, whatever
 * its body: a form's {@code csrf-token} field, or the {@code X-CSRF-TOKEN} header (htmx sends it from
 * {@code <body hx-headers>}) with any body or none. Quarkus' own filter checks form bodies, and lets {@code text/plain},
 * JSON and empty bodies through (the JSON API shares it); this guard refuses those without a valid header before the
 * request even reaches a route, and answers every CSRF refusal 403 (Quarkus' is a bare 400). The JSON API
 * ({@code /api/*}) is left out: it takes bearer tokens only, which a browser never attaches on its own.
 */
@ApplicationScoped
public class CsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    static final String REFUSAL = "This request did not come from a Studio page (its CSRF token is missing or stale): "
            + "reload the page and try again.";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name")
    String headerName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key")
    Optional<String> signatureKey;

    /**
     * Before routing: a state-changing page request with a token header must match the cookie; without one, only a form
     * body may still carry the token (its field is checked once the form is read); anything else is refused.
     */
    @ServerRequestFilter(preMatching = true, priority = 20)
    public Response requireToken(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (!guarded(request, routing)) return null;
        String header = request.getHeader(headerName);
        boolean refused = header != null ? !matchesCookie(request, header) : !isForm(request);
        return refused ? ErrorPages.respond(request, 403, "Not allowed", REFUSAL) : null;
    }

    /** A form whose token field Quarkus found missing or wrong is a CSRF refusal like any other: 403, said in words. */
    @ServerResponseFilter
    public void formRefusals(ContainerResponseContext response, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (response.getStatus() == 400 && !response.hasEntity() && guarded(request, routing) && isForm(request)
                && request.getHeader(headerName) == null) {
            response.setStatus(403);
            response.getHeaders().putSingle("Content-Type", "text/html;charset=UTF-8");
            response.setEntity(ErrorPages.Templates.error(403, "Not allowed", REFUSAL).render());
        }
    }

    /** Whether {@code request} forged by another site could change something: a page route with an unsafe method. */
    boolean guarded(HttpServerRequest request, RoutingContext routing) {
        return !SAFE.contains(request.method().name()) && !isApi(routing.normalizedPath());
    }

    /** Whether the token header (or a form field) {@code supplied} matches the request's CSRF cookie. */
    boolean matchesCookie(HttpServerRequest request, String supplied) {
        Cookie cookie = request.getCookie(cookieName);
        if (cookie == null || supplied == null) return false;
        String expected = signatureKey.map(key -> CsrfTokenUtils.signCsrfToken(supplied, key)).orElse(supplied);
        return MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request has no valid token in its header (a body the route cannot even read tells nothing more). */
    boolean lacksHeaderToken(HttpServerRequest request) {
        return !matchesCookie(request, request.getHeader(headerName));
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null) return false;
        String t = type.toLowerCase(java.util.Locale.ROOT).split(";", 2)[0].trim();
        return t.equals("application/x-www-form-urlencoded") || t.equals("multipart/form-data");
    }
}
