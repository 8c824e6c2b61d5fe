package studio.sprint;

import java.time.Duration;
import java.time.Instant;

/** How long something took, as people read it: "45 s", "12 min", "5 h 12 min", "3 d 4 h". */
public final class Durations {

    private Durations() {}

    /** Null when either end is unknown or the end lies before the start (clocks of different senders). */
    public static String between(Instant start, Instant end) {
        if (start == null || end == null || end.isBefore(start)) return null;
        return text(Duration.between(start, end));
    }

    static String text(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return d.toMinutes() + " min";
        if (s < 86_400) return d.toHours() + " h" + part(d.toMinutesPart(), "min");
        return d.toDays() + " d" + part(d.toHoursPart(), "h");
    }

    private static String part(int n, String unit) {
        return n == 0 ? "" : " " + n + " " + unit;
    }
}
