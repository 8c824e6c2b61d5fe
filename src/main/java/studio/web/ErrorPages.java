package studio.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import studio.governance.IllegalTransitionException;
import studio.input.InputProblem;
import studio.input.InvalidInputException;

/** Refusals and unknown pages: JSON on /api/*, a readable page in the browser. */
public class ErrorPages {

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

    static Response respond(HttpServerRequest request, int status, String title, List<InputProblem> problems) {
        if (request.path().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiErrors.json(problems)).build();
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
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiErrors.json(message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }
}
