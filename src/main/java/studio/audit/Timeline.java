package studio.audit;

import io.quarkus.qute.RawString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One newest-first page of the timeline and how to ask for the next one: {@code rows} are its events' rows as HTML
 * (see {@link TimelineRows}), {@code query} is the filter as URL parameters (without the cursor), {@code next} the
 * cursor of the following page, null on the last page.
 */
public record Timeline(List<RawString> rows, String query, String next) {

    public Timeline {
        rows = List.copyOf(rows);
    }

    /** The next page as a whole page (links work without JavaScript). */
    public String moreHref() {
        return next == null ? null : "/audit?" + withCursor();
    }

    /** The next page's entries alone, appended in place by htmx. */
    public String moreFragment() {
        return next == null ? null : "/audit/entries?" + withCursor();
    }

    private String withCursor() {
        return (query.isEmpty() ? "" : query + "&") + "after=" + next;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: URLEncoder writes spaces as '+', which a path does not decode. */
    public static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}
