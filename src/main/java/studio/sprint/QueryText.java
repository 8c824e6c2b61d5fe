package studio.sprint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Query strings for the links pages hand out (filters kept, cursors added) and LIKE patterns for free-text filters.
 * Values are URL-encoded here; the template escapes the result for its attribute.
 */
public final class QueryText {

    private QueryText() {}

    /** "?a=1&b=x%20y" from the non-blank values, in order; "" when there are none. */
    public static String of(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
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
}
