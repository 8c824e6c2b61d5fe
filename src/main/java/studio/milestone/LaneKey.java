package studio.milestone;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where a lane's "show more" resumes: the last card shown, by its time in state and then its id (the lane order).
 * Written into the link as {@code 2026-01-01T10:00:00.123456Z~milestone-id}.
 */
public record LaneKey(Instant stateSince, String id) {

    static LaneKey of(BoardCard card) {
        return new LaneKey(card.stateSince(), card.id());
    }

    public String text() {
        return stateSince + "~" + id;
    }

    /** The key a link carries; empty when it is missing or unreadable (the lane then starts from its first card). */
    public static Optional<LaneKey> parse(String text) {
        if (text == null) return Optional.empty();
        int cut = text.indexOf('~');
        if (cut <= 0 || cut == text.length() - 1) return Optional.empty();
        try {
            return Optional.of(new LaneKey(Instant.parse(text.substring(0, cut)), text.substring(cut + 1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
