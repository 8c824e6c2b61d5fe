package studio.web;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An htmx request with an expired session must not follow a login redirect into a fragment (the login page
 * would be swapped into the board). OIDC answers such requests with 499 instead, and static/app.js reloads
 * the page, which then redirects to the login as a whole page.
 */
@ApplicationScoped
public class HtmxRequestChecker implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader(Htmx.REQUEST));
    }
}
