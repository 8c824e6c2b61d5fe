package studio.governance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A window in which nothing is released to an environment (a deploy freeze): once, from one instant to another, or every
 * week, from a day and time to a day and time in a time zone ("FRI 18:00" to "MON 06:00", Europe/Berlin), wrapping
 * over the week's end. Pure.
 *
 * @param weekly null for a one-off window
 */
public record FreezeWindow(long id, String environment, String name, Instant startsAt, Instant endsAt, Weekly weekly, ZoneId zone) {

    /** A weekly window, its ends as days and times of the week in the window's zone. */
    public record Weekly(DayOfWeek fromDay, LocalTime fromTime, DayOfWeek untilDay, LocalTime untilTime) {

        /**
         * "FRI 18:00" and "MON 06:00".
         *
         * @throws IllegalArgumentException naming the text that is not a day and time
         */
        public static Weekly parse(String from, String until) {
            Weekly w = new Weekly(day(from), time(from), day(until), time(until));
            if (w.fromMinute() == w.untilMinute()) throw new IllegalArgumentException("a weekly window starts and ends at different times");
            return w;
        }

        int fromMinute() {
            return minuteOfWeek(fromDay, fromTime);
        }

        int untilMinute() {
            return minuteOfWeek(untilDay, untilTime);
        }

        private static int minuteOfWeek(DayOfWeek day, LocalTime time) {
            return (day.getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute();
        }

        private static DayOfWeek day(String text) {
            String[] parts = split(text);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getDisplayName(TextStyle.SHORT, Locale.ROOT).equalsIgnoreCase(parts[0]) || d.name().equalsIgnoreCase(parts[0])) return d;
            }
            throw new IllegalArgumentException("'" + text + "' does not start with a day of the week (MON, TUE, ... SUN)");
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(split(text)[1]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' has no time of day HH:MM after its day");
            }
        }

        private static String[] split(String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
            if (parts.length != 2) throw new IllegalArgumentException("write a weekly end as a day and a time, e.g. FRI 18:00, not '" + text + "'");
            return parts;
        }

        String describe() {
            return short_(fromDay) + " " + fromTime + " to " + short_(untilDay) + " " + untilTime;
        }

        private static String short_(DayOfWeek d) {
            return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
        }
    }

    public FreezeWindow {
        if (weekly == null && (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt))) {
            throw new IllegalArgumentException("a one-off freeze window ends after it starts");
        }
        if (zone == null) zone = ZoneId.of("UTC");
    }

    /** Whether the window holds at {@code t}. */
    public boolean covers(Instant t) {
        if (weekly == null) return !t.isBefore(startsAt) && t.isBefore(endsAt);
        ZonedDateTime local = t.atZone(zone);
        int m = (local.getDayOfWeek().getValue() - 1) * 24 * 60 + local.getHour() * 60 + local.getMinute();
        int from = weekly.fromMinute();
        int until = weekly.untilMinute();
        return from < until ? m >= from && m < until : m >= from || m < until;
    }

    /** When the occurrence holding at {@code t} ends (the next end after it for a weekly window). */
    public Instant endAfter(Instant t) {
        if (weekly == null) return endsAt;
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime end = local.with(TemporalAdjusters.nextOrSame(weekly.untilDay())).with(weekly.untilTime()).withSecond(0).withNano(0);
        if (!end.isAfter(local)) end = end.plusWeeks(1);
        return end.toInstant();
    }

    /** Whether it can hold again at or after {@code t} (a one-off window that ended cannot). */
    public boolean inForceOrAhead(Instant t) {
        return weekly != null || endsAt.isAfter(t);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** "'year-end' from 2026-12-20 00:00 to 2027-01-04 00:00 UTC", "'weekend' every FRI 18:00 to MON 06:00 Europe/Berlin". */
    public String describe() {
        if (weekly != null) return "'" + name + "' every " + weekly.describe() + " " + zone.getId();
        return "'" + name + "' from " + WHEN.format(startsAt.atZone(zone)) + " to " + WHEN.format(endsAt.atZone(zone)) + " " + zone.getId();
    }

    /** When the occurrence holding at {@code t} ends, as people read it in the window's zone: "2026-12-08 20:54 UTC". */
    public String endText(Instant t) {
        return WHEN.format(endAfter(t).atZone(zone)) + " " + zone.getId();
    }

    /** How long the occurrence holding at {@code t} still lasts. */
    public Duration remaining(Instant t) {
        return Duration.between(t, endAfter(t));
    }
}
