package studio.web;

import jakarta.ws.rs.core.HttpHeaders;

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
}
