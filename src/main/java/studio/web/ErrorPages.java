package studio.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import studio.governance.IllegalTransitionException;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

/** Refusals and unknown pages: JSON on /api/*, a readable page in the browser. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @Inject
    CsrfGuard csrf;

    /**
     * A body the route does not take (415) is decided before any filter reads a form: without a token in the header it
     * is still a request another site may have forged, and is refused as such.
     */
    @ServerExceptionMapper(priority = 100)
    public Response unsupportedBody(NotSupportedException e, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (csrf.guarded(request, routing) && csrf.lacksHeaderToken(request)) return respond(request, 403, "Not allowed", CsrfGuard.REFUSAL);
        return e.getResponse();
    }

    @ServerExceptionMapper(priority = 100)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "Not allowed", "Your roles do not allow this action.");
    }

    @ServerExceptionMapper(priority = 100)
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(request, 404, "Not found", "There is nothing at " + request.path() + ".");
    }

    @ServerExceptionMapper(priority = 100)
    public Response refused(ApiException e, HttpServerRequest request) {
        return respond(request, e.status(), title(e.status()), e.problems());
    }

    @ServerExceptionMapper(priority = 100)
    public Response invalid(InvalidInputException e, HttpServerRequest request) {
        return respond(request, 400, "Invalid input", e.problems());
    }

    @ServerExceptionMapper(priority = 100)
    public Response illegalTransition(IllegalTransitionException e, HttpServerRequest request) {
        return respond(request, 409, "Not possible now", e.getMessage());
    }

    @ServerExceptionMapper(priority = 100)
    public Response staleVersion(OptimisticLockException e, HttpServerRequest request) {
        return respond(request, 409, "Changed meanwhile", "Someone changed this at the same time; reload and try again.");
    }

    /**
     * PostgreSQL cannot be reached: 503 with {@code Retry-After}, RFC 9457 problem+json on the API (with the usual
     * {@code errors} array), a page saying so in the browser; Studio reconnects by itself once the database is back.
     * Any other database failure is a 500 with an error id, logged with its cause.
     */
    @ServerExceptionMapper(priority = 100)
    public Response database(PersistenceException e, HttpServerRequest request) {
        return failure(e, request);
    }

    /**
     * A JAX-RS refusal with no mapper of its own (405, 406, ...): its status, and on the API a problem body instead of
     * an empty one. Redirects and pages keep the response as it was.
     */
    @ServerExceptionMapper(priority = 200)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        if (original.getStatus() < 400 || !request.path().startsWith("/api/") || original.hasEntity()) return original;
        return ApiErrors.response(original.getStatus(), e.getMessage() == null ? ApiErrors.title(original.getStatus()) : e.getMessage())
                .build();
    }

    /** Anything unexpected: 500 with an error id that is in the log with its cause (503 when it is the database). */
    @ServerExceptionMapper(priority = 200)
    public Response unexpected(Exception e, HttpServerRequest request) {
        return failure(e, request);
    }

    private static Response failure(Exception e, HttpServerRequest request) {
        if (DatabaseFailures.unreachable(e)) {
            LOG.warnf("PostgreSQL unreachable on %s %s: %s", request.method(), request.path(), e.getMessage());
            String detail = "Studio cannot reach its database. Try again in " + DatabaseFailures.RETRY_AFTER_SECONDS + " seconds.";
            if (request.path().startsWith("/api/")) {
                return ApiErrors.response(503, detail).header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS).build();
            }
            return Response.status(503).header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(Templates.error(503, "Studio cannot reach its database", "Nothing can be shown or changed until it is "
                            + "back; Studio reconnects by itself. Reload this page in a few seconds.")).build();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure %s on %s %s", id, request.method(), request.path());
        return respond(request, 500, "Something went wrong", "Studio failed to complete this request (error id " + id
                + ", in Studio's log).");
    }

    static Response respond(HttpServerRequest request, int status, String title, List<InputProblem> problems) {
        if (request.path().startsWith("/api/")) {
            return ApiErrors.response(status, problems).build();
        }
        String message = problems.stream().map(InputProblem::describe).collect(java.util.stream.Collectors.joining("; "));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid input";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Not possible now";
            default -> "Error";
        };
    }

    static Response respond(HttpServerRequest request, int status, String title, String message) {
        if (request.path().startsWith("/api/")) {
            return ApiErrors.response(status, message).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }
}
