package studio.release.web;

import java.time.Instant;
import studio.release.Release;
import studio.web.ApiException;

/**
 * Where the next page of releases starts (keyset on (created_at, id), never OFFSET): the last release shown, written
 * "epochMicros.id" in "load more" links and in the API's {@code next}.
 */
public record ReleaseCursor(Instant createdAt, long id) {

    public static ReleaseCursor after(Release r) {
        return new ReleaseCursor(r.createdAt, r.id);
    }

    /**
     * @param text a cursor as {@link #text()} writes it; null or blank for the first page (answers null)
     * @throws ApiException 400 when {@code text} is not a cursor
     */
    public static ReleaseCursor parse(String text) {
        if (text == null || text.isBlank()) return null;
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            long micros = Long.parseLong(parts[0]);
            return new ReleaseCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after is not a release cursor: use the 'next' value of the previous page");
        }
    }

    public String text() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        return micros + "." + id;
    }
}
