package studio.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Decides fragment versus page: an htmx request that is not a history restore gets the fragment; anything
 * else (a link opened in a new tab, a reload, a history restore) gets the whole page.
 */
public final class Htmx {

    public static final String VARY = "HX-Request";

    private Htmx() {
    }

    public static boolean wantsFragment(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"))
                && !"true".equals(headers.getHeaderString("HX-History-Restore-Request"));
    }

    /** An HTML page or fragment chosen by {@link #wantsFragment}, so caches must key on HX-Request. */
    public static Response varying(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Vary", VARY).build();
    }

    /**
     * A refused filter form (400) whose fragment still replaces the inside of {@code target}: app.js lets a 4xx
     * through when HX-Retarget names where, so the problem shows where the results would have been.
     */
    public static Response refusedInto(String target, TemplateInstance fragment) {
        return Response.fromResponse(varying(400, fragment))
                .header("HX-Retarget", target).header("HX-Reswap", "innerHTML").build();
    }
}
