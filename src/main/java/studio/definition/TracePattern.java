package studio.definition;

import java.util.regex.Pattern;

/**
 * A milestone's {@code traceability.tracePattern} ({@code trace-*}): the trace ids its evidence may carry, {@code *}
 * standing for any run of characters. Evidence about the milestone with a trace id outside it is refused, so the
 * milestone's trace id (and every audit event's) follows the scheme its definition names.
 */
public final class TracePattern {

    private static final Pattern WRITTEN = Pattern.compile("[A-Za-z0-9._:*-]{1,100}");

    private TracePattern() {}

    /** Why the written pattern is unusable, or null. */
    public static String whyBad(String pattern) {
        if (WRITTEN.matcher(pattern).matches()) return null;
        return "tracePattern '" + pattern + "' may use only letters, digits, '.', '_', ':', '-' and '*' (any run of characters),"
                + " at most 100 of them";
    }

    public static boolean matches(String pattern, String traceId) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), traceId);
    }
}
