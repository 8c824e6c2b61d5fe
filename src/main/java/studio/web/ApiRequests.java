package studio.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The JSON API takes JSON, YAML and markdown bodies with bearer tokens, never HTML forms. A body-less POST that a
 * client labelled as a form (curl -d '' does) is treated as having no body; a real form body is refused with a
 * readable 415 instead of reaching the CSRF check that browser forms need (and failing it without a word).
 */
public class ApiRequests {

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Response apiTakesNoForms(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) return null;
        MediaType type = ctx.getMediaType();
        if (type == null || !(isForm(type))) return null;
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || "0".equals(length.trim())) {
            ctx.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return null;
        }
        return ApiErrors.response(415, (
                "Studio's API takes JSON, YAML or markdown bodies, not " + type.getType() + "/" + type.getSubtype()
                        + " (curl -d sends that by default: add -H 'Content-Type: application/json')")).build();
    }

    private static boolean isForm(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    }
}
