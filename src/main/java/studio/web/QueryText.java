package studio.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import studio.input.InputProblem;

/**
 * Query strings for the links pages hand out (filters kept, cursors added), the filter values read back from them,
 * and LIKE patterns for free-text filters. Values are URL-encoded here; the template escapes the result for its
 * attribute.
 */
public final class QueryText {

    /** The longest free-text filter a listing accepts. */
    public static final int MAX_TEXT = 200;

    private QueryText() {}

    /** "?a=1&b=x%20y" from the non-blank values, in order; "" when there are none. */
    public static String of(Map<String, String> params) {
        String joined = joined(params);
        return joined.isEmpty() ? "" : "?" + joined;
    }

    /** "a=1&b=x%20y" from the non-blank values, in order, without the '?'; "" when there are none. */
    public static String joined(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return joined.toString();
    }

    /** Pairs to a map that keeps their order: {@code pairs("state", s, "q", q)}. */
    public static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** A pattern matching {@code text} anywhere, with LIKE's own wildcards in it taken literally. */
    public static String containing(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** A filter value as given, trimmed; null when absent or blank. */
    public static String present(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The free-text filter {@code q}, trimmed; one longer than {@link #MAX_TEXT} is a problem (and null). */
    public static String searchText(String given, List<InputProblem> problems) {
        String t = present(given);
        if (t != null && t.length() > MAX_TEXT) {
            problems.add(new InputProblem("the search text has " + t.length() + " characters; at most " + MAX_TEXT + " are allowed", null, null, "q"));
            return null;
        }
        return t;
    }
}
