package studio.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals and unknown pages: JSON on /api/*, a readable page in the browser. */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper(priority = 100)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "Not allowed", "Your roles do not allow this action.");
    }

    @ServerExceptionMapper(priority = 100)
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(request, 404, "Not found", "There is nothing at " + request.path() + ".");
    }

    static Response respond(HttpServerRequest request, int status, String title, String message) {
        if (request.path().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiErrors.json(message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message)).build();
    }
}
