package studio.notify;

import java.time.Duration;

/** A waiting time in words, as a reminder says it ("3 hours", "2 days"). */
final class Durations {

    private Durations() {}

    static String words(Duration d) {
        long minutes = Math.max(1, d.toMinutes());
        if (minutes < 120) return plural(minutes, "minute");
        long hours = d.toHours();
        if (hours < 48) return plural(hours, "hour");
        return plural(d.toDays(), "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
