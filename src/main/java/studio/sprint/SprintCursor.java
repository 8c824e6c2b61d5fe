package studio.sprint;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import studio.input.Ids;

/**
 * Where a page of the sprint list ended: the last sprint's creation time and id. The list runs newest first on
 * (created_at, id), which never changes for a sprint, so walking the pages neither skips nor repeats a sprint
 * while CI keeps posting evidence. Written {@code <instant>~<id>} ('~' is no id character).
 */
public record SprintCursor(Instant createdAt, String id) {

    public SprintCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public String token() {
        return createdAt + "~" + id;
    }

    /** The cursor a previous page handed out, or null when {@code token} is not one. */
    public static SprintCursor parse(String token) {
        int cut = token.indexOf('~');
        if (cut < 1 || cut == token.length() - 1) return null;
        String id = token.substring(cut + 1);
        if (!Ids.isValid(id)) return null;
        try {
            return new SprintCursor(Instant.parse(token.substring(0, cut)), id);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
