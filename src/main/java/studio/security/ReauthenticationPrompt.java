package studio.security;

import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

/**
 * When a browser that {@link Reauthentication} marked is sent to the identity provider, the authorization request asks
 * for a fresh authentication ({@code prompt=login}): a still-open single sign-on session at the provider does not
 * count. The mark is used once. (A singleton without a client proxy, and unremovable: OIDC looks the filters up by type
 * and reads {@link Redirect} from the instance's own class.)
 */
@Singleton
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class ReauthenticationPrompt implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        RoutingContext routing = context.routingContext();
        if (routing.request().getCookie(Reauthentication.MARKER) == null) return;
        context.additionalQueryParams().add("prompt", "login");
        routing.response().addCookie(Cookie.cookie(Reauthentication.MARKER, "").setPath("/").setMaxAge(0).setHttpOnly(true));
    }
}
