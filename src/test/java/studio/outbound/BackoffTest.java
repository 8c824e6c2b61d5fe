package studio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.outbound.Backoff.NextAttempt.DeadLetter;
import studio.outbound.Backoff.NextAttempt.RetryAt;

class BackoffTest {

    static final Instant NOW = Instant.parse("2025-05-14T17:12:00Z");
    static final Backoff B = Backoff.DEFAULT;

    @Test
    void theNominalDelayDoublesUpToTheCap() {
        List<Long> seconds = IntStream.rangeClosed(1, 12).mapToObj(n -> B.nominalDelay(n).getSeconds()).toList();
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L, 3600L), seconds);
    }

    @Test
    void theDefaultGivesUpAfterAtMostThreeHoursTwentyFiveMinutesOfWaiting() {
        long total = IntStream.range(1, B.maxAttempts()).mapToLong(n -> B.nominalDelay(n).getSeconds()).sum();
        assertEquals(Duration.ofHours(3).plusMinutes(25).plusSeconds(10).getSeconds(), total);
    }

    @Test
    void withoutJitterTheRetryComesAfterTheNominalDelay() {
        RetryAt r = assertInstanceOf(RetryAt.class, B.nextAttempt(1, NOW, () -> 0.0));
        assertEquals(new RetryAt(NOW.plusSeconds(10), Duration.ofSeconds(10), 2), r);
        assertEquals(new RetryAt(NOW.plusSeconds(40), Duration.ofSeconds(40), 4), B.nextAttempt(3, NOW, () -> 0.0));
    }

    @Test
    void jitterOnlyShortensTheDelayByAtMostItsShare() {
        RetryAt most = assertInstanceOf(RetryAt.class, B.nextAttempt(1, NOW, () -> Math.nextDown(1.0)));
        assertEquals(Duration.ofMillis(8001), most.delay(), "20% of 10 s, to the millisecond below");
        assertEquals(Duration.ofSeconds(8), B.shortestDelay(1), "a bound no delay goes below");
        RetryAt half = assertInstanceOf(RetryAt.class, B.nextAttempt(10, NOW, () -> 0.5));
        assertEquals(Duration.ofSeconds(3600 - 360), half.delay());
    }

    @Test
    void everyRandomDelayStaysWithinItsBounds() {
        for (int n = 1; n < B.maxAttempts(); n++) {
            for (int i = 0; i < 500; i++) {
                RetryAt r = assertInstanceOf(RetryAt.class, B.nextAttempt(n, NOW));
                assertTrue(r.delay().compareTo(B.shortestDelay(n)) >= 0 && r.delay().compareTo(B.nominalDelay(n)) <= 0, n + ": " + r.delay());
                assertTrue(r.delay().compareTo(B.maxDelay()) <= 0);
                assertEquals(NOW.plus(r.delay()), r.at());
            }
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadLettered() {
        assertInstanceOf(RetryAt.class, B.nextAttempt(11, NOW, () -> 0.0));
        assertEquals(new DeadLetter(12, "gave up after 12 failed attempts"), B.nextAttempt(12, NOW, () -> 0.0));
        assertEquals(new DeadLetter(1, "gave up after 1 failed attempts"), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0).nextAttempt(1, NOW));
    }

    @Test
    void manyAttemptsNeverOverflow() {
        Backoff patient = new Backoff(Duration.ofSeconds(1), Duration.ofDays(1), Integer.MAX_VALUE, 0);
        assertEquals(Duration.ofDays(1), patient.nominalDelay(Integer.MAX_VALUE - 1));
        assertEquals(Duration.ofDays(1), assertInstanceOf(RetryAt.class, patient.nextAttempt(1_000_000, NOW, () -> 0.3)).delay());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> B.nextAttempt(0, NOW));
        assertThrows(IllegalArgumentException.class, () -> B.nextAttempt(1, NOW, () -> 1.0));
        assertThrows(IllegalArgumentException.class, () -> B.nextAttempt(1, NOW, () -> -0.1));
        assertThrows(IllegalArgumentException.class, () -> B.nextAttempt(1, NOW, () -> Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Double.NaN));
    }
}
