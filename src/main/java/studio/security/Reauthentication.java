package studio.security;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Sign in again before a decision: ends Studio's own session (not the identity provider's) and sends the browser
 * back to the page of the decision, marked so that the identity provider is asked to authenticate the person anew
 * ({@code prompt=login}, see {@link ReauthenticationPrompt}) instead of silently reusing its single sign-on session.
 * The new session's {@code auth_time} is then recent, and the person decides again on the page.
 */
@Path("/reauthenticate")
@Authenticated
public class Reauthentication {

    /** Set here, read and cleared when the identity provider is next asked to sign the browser in. */
    static final String MARKER = "studio-reauth";
    static final String HOME = "/approvals";

    @Inject
    OidcSession session;

    @GET
    public Uni<Response> reauthenticate(@RestQuery String to, HttpServerRequest request) {
        URI back = URI.create(LocalPath.orElse(to, HOME));
        NewCookie marker = new NewCookie.Builder(MARKER).value("1").path("/").maxAge(600).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure(request.isSSL()).build();
        return session.logout().map(v -> Response.seeOther(back).cookie(marker).header("Cache-Control", "no-store").build());
    }

    /** Where the browser goes to sign in again and come back to {@code page}. */
    public static String path(String page) {
        return "/reauthenticate?to=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8);
    }
}
