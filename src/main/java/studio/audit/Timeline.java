package studio.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One newest-first page of the timeline and how to ask for the next one: {@code query} is the filter as URL
 * parameters (without the cursor), {@code next} the cursor of the following page, null on the last page.
 */
public record Timeline(List<TimelineEntry> entries, String query, String next) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    public static Timeline of(AuditPage page, String query) {
        return new Timeline(page.events().stream().map(TimelineEntry::of).toList(), query, page.next());
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
