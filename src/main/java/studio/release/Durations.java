package studio.release;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration and read them in messages: 72h, 90m, 1h30m, 45s. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,10})s)?");
    private static final String HOW = " is not a duration (write 72h, 30m, 7d or PT24H)";

    private Durations() {}

    static String words(Duration d) {
        if (d == null) return "no limit";
        if (d.isNegative()) return "-" + words(d.negated());
        long seconds = d.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) out.append(seconds / 3600).append('h');
        if (seconds % 3600 >= 60) out.append(seconds % 3600 / 60).append('m');
        if (seconds % 60 > 0 || out.length() == 0) out.append(seconds % 60).append('s');
        return out.toString();
    }

    /**
     * Reads "72h", "30m", "45s", "7d", combinations like "1h30m", or ISO-8601 ("PT24H", "P7D").
     *
     * @throws IllegalArgumentException naming the text
     */
    static Duration parse(String text) {
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

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
