package studio.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A place on Studio itself to send a browser back to: a path and query on this origin, never another site
 * (no scheme, no authority, no "//" or "\" that browsers read as one).
 */
public final class LocalPath {

    private LocalPath() {
    }

    /** {@code path} when it is a local path, else {@code fallback}. */
    public static String orElse(String path, String fallback) {
        return isLocal(path) ? path : fallback;
    }

    static boolean isLocal(String path) {
        if (path == null || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) return false;
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The path and query of {@code pageUrl} (the page a form was on: htmx's HX-Current-URL or the Referer) when it is
     * on {@code host} (the request's own Host), else {@code fallback}.
     */
    public static String of(String pageUrl, String host, String fallback) {
        if (pageUrl == null || host == null) return fallback;
        try {
            URI uri = new URI(pageUrl);
            if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host)) return fallback;
            String local = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return orElse(local, fallback);
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
