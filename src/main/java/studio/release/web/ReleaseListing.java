package studio.release.web;

import java.time.Instant;
import studio.governance.ReleaseEnvironment;
import studio.release.Release;
import studio.release.lifecycle.ReleaseState;
import studio.web.ApiException;

/**
 * A request for one page of releases, newest first: optional filters and a keyset cursor on (created_at, id).
 *
 * @param after the cursor of the last release of the previous page ("epochMicros.id"), or null for the first page
 */
public record ReleaseListing(String milestone, String environment, String status, String after, int limit) {

    public static final int MAX_LIMIT = 200;

    /** @throws ApiException 400 naming the parameter that is wrong */
    public static ReleaseListing of(String milestone, String environment, String status, String after, Integer limit) {
        if (environment != null && !environment.isBlank()) {
            try {
                environment = ReleaseEnvironment.parse(environment).json();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        if (status != null && !status.isBlank()) {
            try {
                status = ReleaseState.fromJson(status.trim()).json();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown status '" + status + "' (known: " + String.join(", ",
                        java.util.Arrays.stream(ReleaseState.values()).map(ReleaseState::json).toList()) + ")");
            }
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        if (after != null && !after.isBlank()) cursor(after);
        return new ReleaseListing(blankToNull(milestone), blankToNull(environment), blankToNull(status), blankToNull(after), n);
    }

    /** The cursor of a release: where the next page starts. */
    public static String cursorOf(Release r) {
        long micros = r.createdAt.getEpochSecond() * 1_000_000L + r.createdAt.getNano() / 1_000;
        return micros + "." + r.id;
    }

    /** The cursor's (created_at, id). */
    static Cursor cursor(String text) {
        String[] parts = text.split("\\.");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after is not a release cursor: use the 'next' value of the previous page");
        }
    }

    record Cursor(Instant createdAt, long id) {}


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
