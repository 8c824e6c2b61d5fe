package studio.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import studio.format.Durations;
import studio.format.Percent;

/**
 * How values read on Studio's pages: states as labels, times in UTC and as "3 h ago", coverage with one decimal, and
 * a refused form's message and reason.
 */
@TemplateExtension
public final class Views {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Views() {
    }

    /** "escalated" -> "Escalated", "in-progress" -> "In progress". */
    static String label(String state) {
        if (state == null || state.isEmpty()) return "";
        String words = state.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** Machine-readable instant for a time element's datetime attribute. */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A short duration from {@code at} to now: "just now", "12 min", "3 h", "4 d". */
    static String ago(Instant at) {
        return Durations.since(at, Instant.now());
    }

    /**
     * The refusal's message when {@code form} was the form refused, else null. For a page that holds a bare
     * {@link Attempt} (null when nothing was refused): {@code refusal.messageFor(i.key).or('')}.
     */
    static String messageFor(Attempt refusal, String form) {
        return refusal.isFor(form) ? refusal.message() : null;
    }

    /** The reason typed into {@code form} when it was the form refused, to show it again; else "". */
    static String reasonFor(Attempt refusal, String form) {
        String typed = refusal.isFor(form) ? refusal.value("reason") : null;
        return typed == null ? "" : typed;
    }

    /** 91.35 -> "91.4%". */
    static String pct(Number value) {
        return Percent.shown(value, "—");
    }

    /** A percentage kept within 0..100, for drawing. */
    static double clamp(Number value) {
        return value == null ? 0 : Math.max(0, Math.min(100, value.doubleValue()));
    }
}
