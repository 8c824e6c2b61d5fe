package studio.format;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every duration Studio reads or shows. Two spellings: the one people write in configuration and policies
 * ({@link #parse}, {@link #spelled}: "72h", "1h30m", "45s", inverse of each other) and the one people read on pages
 * ({@link #text}, {@link #between}, {@link #since}: "45 s", "12 min", "5 h 12 min", "3 d 4 h").
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,10})s)?");
    private static final String HOW = " is not a duration (write 72h, 30m, 7d or PT24H)";

    private Durations() {}

    /**
     * Reads "72h", "30m", "45s", "7d", combinations like "1h30m", or ISO-8601 ("PT24H", "P7D").
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "'" + HOW);
            }
        }
        Matcher m = SHORT.matcher(t);
        if (t.isEmpty() || !m.matches()) throw new IllegalArgumentException("'" + text + "'" + HOW);
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
    }

    /** As configuration writes it: "72h", "1h30m", "45s"; null is "no limit". */
    public static String spelled(Duration d) {
        if (d == null) return "no limit";
        if (d.isNegative()) return "-" + spelled(d.negated());
        long seconds = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) out.append(seconds / 3600).append('h');
        if (seconds % 3600 >= 60) out.append(seconds % 3600 / 60).append('m');
        if (seconds % 60 > 0 || out.length() == 0) out.append(seconds % 60).append('s');
        return out.toString();
    }

    /** As people read it: "45 s", "12 min", "5 h 12 min", "3 d 4 h". */
    public static String text(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return d.toMinutes() + " min";
        if (s < 86_400) return d.toHours() + " h" + part(d.toMinutesPart(), "min");
        return d.toDays() + " d" + part(d.toHoursPart(), "h");
    }

    /** How long something took; null when either end is unknown or the end lies before the start (different clocks). */
    public static String between(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) return null;
        return text(Duration.between(start, end));
    }

    /** How long ago, in its largest unit: "just now", "12 min", "3 h" (up to two days), "4 d". */
    public static String since(Instant at, Instant now) {
        if (at == null) return "";
        Duration d = Duration.between(at, now);
        if (d.isNegative() || d.toSeconds() < 60) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + " min";
        if (d.toHours() < 48) return d.toHours() + " h";
        return d.toDays() + " d";
    }

    private static String part(int n, String unit) {
        return n == 0 ? "" : " " + n + " " + unit;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
