package studio.outbound;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which events a chat channel is told of, besides their names: all of them, those about one milestone (its releases
 * included), the releases to one environment, or those about one team's milestones. A team is a milestone label:
 * milestones carry {@code labels: [payments]} in their definition, and a channel for team "payments" hears about them
 * and their releases. The delivery queue's fan-out applies it ({@link DeliveryQueue}).
 */
public enum ChannelScope {
    ALL, MILESTONE, ENVIRONMENT, TEAM;

    /** "environment": as the API and forms write it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As stored in webhook.scope_kind: null for all events. */
    public String stored() {
        return this == ALL ? null : json();
    }

    /** "milestone mvp-ready", "production releases", ...: for pages. */
    public String describe(String value) {
        return switch (this) {
            case ALL -> "every milestone and release";
            case MILESTONE -> "milestone " + value + " and its releases";
            case ENVIRONMENT -> "releases to " + value;
            case TEAM -> "team " + value + " (milestones labelled " + value + ")";
        };
    }

    /** Blank is {@link #ALL}. */
    public static Optional<ChannelScope> parse(String text) {
        String wanted = text == null || text.isBlank() ? "all" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.json().equals(wanted)).findFirst();
    }

    /** The scope of a stored webhook row. */
    public static ChannelScope of(String stored) {
        return stored == null ? ALL : parse(stored).orElseThrow(() -> new IllegalStateException("unknown scope " + stored));
    }
}
