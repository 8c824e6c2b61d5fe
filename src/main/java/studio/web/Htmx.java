package studio.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Decides fragment versus page: an htmx request that is not a history restore gets the fragment; anything else (a
 * link opened in a new tab, a reload, a history restore) gets the whole page. Every response that makes this choice
 * varies on {@link #REQUEST}; the header names htmx reads and writes are named here once.
 */
public final class Htmx {

    /** Sent by htmx on every request it makes. */
    public static final String REQUEST = "HX-Request";
    /** Sent when htmx restores a page from history: it wants the whole page. */
    public static final String HISTORY_RESTORE_REQUEST = "HX-History-Restore-Request";
    /** Tells htmx to swap the response into another element than the one that asked. */
    public static final String RETARGET = "HX-Retarget";
    /** Tells htmx how to swap (outerHTML, innerHTML). */
    public static final String RESWAP = "HX-Reswap";
    /** The Vary value of every response whose body depends on {@link #REQUEST}. */
    public static final String VARY = REQUEST;

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Htmx() {
    }

    public static boolean wantsFragment(HttpHeaders headers) {
        return headers != null && "true".equals(headers.getHeaderString(REQUEST))
                && !"true".equals(headers.getHeaderString(HISTORY_RESTORE_REQUEST));
    }

    /** An HTML page or fragment chosen by {@link #wantsFragment}, so caches must key on HX-Request. */
    public static Response varying(int status, Object page) {
        return html(status, page).build();
    }

    /** {@link #varying} as a builder, for a response that needs more headers. */
    public static Response.ResponseBuilder html(int status, Object page) {
        return Response.status(status).entity(page).type(HTML).header(HttpHeaders.VARY, VARY);
    }

    /** A redirect that differs for htmx and plain requests. */
    public static Response seeOther(java.net.URI location) {
        return Response.seeOther(location).header(HttpHeaders.VARY, VARY).build();
    }

    /**
     * A refused request (4xx) whose fragment still replaces {@code target} ({@code swap}: outerHTML or innerHTML):
     * static/app.js lets htmx swap a 4xx only when the response says where, so the problem shows where the result
     * would have been.
     */
    public static Response refusedInto(int status, String target, String swap, Object fragment) {
        return html(status, fragment).header(RETARGET, target).header(RESWAP, swap).build();
    }

    /** A refused filter form (400) whose fragment replaces the inside of {@code target}. */
    public static Response refusedInto(String target, TemplateInstance fragment) {
        return refusedInto(400, target, "innerHTML", fragment);
    }
}
