package studio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a sign-in is recent enough to decide, and where a browser may be sent back to afterwards. */
class RecentLoginTest {

    static final Instant NOW = Instant.parse("2025-05-14T18:00:00Z");
    static final RecentLogin FIFTEEN_MINUTES = new RecentLogin(Duration.ofMinutes(15));

    @Test
    void aSignInWithinTheWindowIsRecentOneSecondOlderIsNot() {
        assertTrue(FIFTEEN_MINUTES.isRecent(NOW, NOW));
        assertTrue(FIFTEEN_MINUTES.isRecent(NOW.minusSeconds(899), NOW));
        assertTrue(FIFTEEN_MINUTES.isRecent(NOW.minusSeconds(900), NOW));
        assertFalse(FIFTEEN_MINUTES.isRecent(NOW.minusSeconds(901), NOW));
        assertFalse(FIFTEEN_MINUTES.isRecent(NOW.minus(Duration.ofDays(3)), NOW));
    }

    @Test
    void anUnknownSignInTimeIsNeverRecent() {
        assertFalse(FIFTEEN_MINUTES.isRecent(null, NOW));
        assertFalse(new RecentLogin(Duration.ofDays(3650)).isRecent(null, NOW));
    }

    @Test
    void aSignInFromTheFutureIsTrustedOnlyWithinClockSkew() {
        assertTrue(FIFTEEN_MINUTES.isRecent(NOW.plusSeconds(30), NOW));
        assertFalse(FIFTEEN_MINUTES.isRecent(NOW.plus(Duration.ofHours(1)), NOW));
    }

    @Test
    void aZeroWindowAsksForASignInThisVerySecond() {
        RecentLogin always = new RecentLogin(Duration.ZERO);
        assertTrue(always.isRecent(NOW, NOW));
        assertFalse(always.isRecent(NOW.minusSeconds(1), NOW));
        assertThrows(IllegalArgumentException.class, () -> new RecentLogin(Duration.ofSeconds(-1)));
        assertEquals(900, FIFTEEN_MINUTES.maxAgeSeconds());
    }

    @Test
    void authTimeIsReadAsEpochSecondsWhateverItsJsonShape() {
        assertEquals(Optional.of(Instant.ofEpochSecond(1747245600)), LoginTime.seconds(1747245600L));
        assertEquals(Optional.of(Instant.ofEpochSecond(1747245600)), LoginTime.seconds(1747245600));
        assertEquals(Optional.of(Instant.ofEpochSecond(1747245600)), LoginTime.seconds("1747245600"));
        assertEquals(Optional.empty(), LoginTime.seconds(null));
        assertEquals(Optional.empty(), LoginTime.seconds("yesterday"));
    }

    @Test
    void theBrowserGoesBackOnlyToAPageOfStudioItself() {
        assertEquals("/milestones/gate-c", LocalPath.of("http://studio.example/milestones/gate-c", "studio.example", "/approvals"));
        assertEquals("/releases/v2.0.0?done=x", LocalPath.of("https://studio.example:8443/releases/v2.0.0?done=x", "studio.example:8443", "/"));
        assertEquals("/approvals", LocalPath.of("https://evil.example/milestones/gate-c", "studio.example", "/approvals"));
        assertEquals("/approvals", LocalPath.of(null, "studio.example", "/approvals"));
        assertEquals("/approvals", LocalPath.of("not a url", "studio.example", "/approvals"));
        assertEquals("/milestones/x", LocalPath.orElse("/milestones/x", "/approvals"));
        for (String outside : new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example/", "evil.example",
                "/x\r\nSet-Cookie: a=b", "", null}) {
            assertEquals("/approvals", LocalPath.orElse(outside, "/approvals"), String.valueOf(outside));
        }
    }
}
