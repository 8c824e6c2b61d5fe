package studio.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a sign-in is recent enough for a decision: the moment the person last authenticated at the identity
 * provider ({@code auth_time}) is at most {@code maxAge} ago. An unknown moment is never recent; one more than a
 * minute in the future (beyond clock skew) is not trusted either.
 */
public record RecentLogin(Duration maxAge) {

    static final Duration SKEW = Duration.ofMinutes(1);

    public RecentLogin {
        if (maxAge.isNegative()) throw new IllegalArgumentException("studio.security.step-up.max-age must not be negative");
    }

    public boolean isRecent(Instant authTime, Instant now) {
        if (authTime == null || authTime.isAfter(now.plus(SKEW))) return false;
        return !authTime.plus(maxAge).isBefore(now);
    }

    /** The window in whole seconds, as OIDC's {@code max_age} and RFC 9470's challenge state it. */
    public long maxAgeSeconds() {
        return maxAge.toSeconds();
    }
}
