package studio.governance;

import java.time.Instant;

/**
 * One person's decision on a release, bound to the content it judged: {@code contentHash} is the release
 * manifest's {@link ReleaseManifest#contentHash()} at the time. When the release's evidence changes, its content
 * hash changes and earlier approvals are stale.
 *
 * @param role      the capacity the person decided in (a role they hold and the policy needs)
 * @param expiresAt when an approval stops counting; null when it does not expire (and for rejections)
 */
public record ReleaseApproval(String approver, String role, Decision decision, String reason, Instant at, Instant expiresAt,
                              String contentHash) {

    public enum Decision {
        APPROVED, REJECTED;

        /** "approved": as documents write it. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Counts no more at {@code now}: exactly at expiresAt it has expired. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
