package studio.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One structured line per request: method, path (never the query string, which can carry OIDC codes), status,
 * duration, user and a request id echoed in {@code X-Request-Id}. Headers are never logged, so tokens and
 * cookies cannot leak into logs.
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("studio.request");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::log);
    }

    private void log(RoutingContext ctx) {
        long start = System.nanoTime();
        String id = requestId(ctx.request().getHeader("X-Request-Id"));
        ctx.response().putHeader("X-Request-Id", id);
        ctx.addEndHandler(done -> {
            if (!LOG.isInfoEnabled() || ctx.request().path().startsWith("/q/health")) return;
            String user = ctx.user() == null ? "-" : String.valueOf(ctx.user().principal().getValue("username"));
            LOG.infof("request method=%s path=%s status=%d duration_ms=%.1f user=%s request_id=%s",
                    ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
                    (System.nanoTime() - start) / 1e6, user, id);
        });
        ctx.next();
    }

    /** Accept a caller's id only when it is short and harmless, so it cannot forge log lines. */
    static String requestId(String given) {
        if (given != null && given.matches("[A-Za-z0-9._-]{1,64}")) return given;
        return UUID.randomUUID().toString();
    }
}
