package studio.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed webhook delivery again. The nominal delay doubles from {@code initialDelay} after each
 * failure, up to {@code maxDelay}; jitter shortens it by up to {@code jitter} of itself, so subscribers that
 * failed together do not get their retries together, and the delay never exceeds the nominal one. After
 * {@code maxAttempts} failed attempts the delivery goes to the dead letters, for a person to look at.
 *
 * <p>Defaults: 10 s, 20 s, 40 s ... capped at 1 h, 20% jitter, 12 attempts: the 11 waits add up to at most 3 h 25 min
 * before a delivery is given up.
 */
public record Backoff(Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 12, 0.2);

    /** What to do after a failed attempt. */
    public sealed interface NextAttempt {
        /** Try again at {@code at}; it will be attempt number {@code attempt}. */
        record RetryAt(Instant at, Duration delay, int attempt) implements NextAttempt {}

        record DeadLetter(int attempts, String reason) implements NextAttempt {}
    }

    public Backoff {
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) throw new IllegalArgumentException("initialDelay must be positive");
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("maxDelay must be at least initialDelay");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (!(jitter >= 0 && jitter < 1)) throw new IllegalArgumentException("jitter must be at least 0 and below 1, not " + jitter);
    }

    public NextAttempt nextAttempt(int failedAttempts, Instant now) {
        return nextAttempt(failedAttempts, now, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param failedAttempts how many attempts have failed so far, this one included (1 after the first)
     * @param random         uniform in [0, 1)
     */
    public NextAttempt nextAttempt(int failedAttempts, Instant now, DoubleSupplier random) {
        if (failedAttempts < 1) throw new IllegalArgumentException("failedAttempts starts at 1, not " + failedAttempts);
        if (failedAttempts >= maxAttempts) {
            return new NextAttempt.DeadLetter(failedAttempts, "gave up after " + failedAttempts + " failed attempts");
        }
        double r = random.getAsDouble();
        if (!(r >= 0 && r < 1)) throw new IllegalArgumentException("random must be in [0, 1), not " + r);
        long nominal = nominalDelay(failedAttempts).toMillis();
        Duration delay = Duration.ofMillis(nominal - (long) Math.floor(nominal * jitter * r));
        return new NextAttempt.RetryAt(now.plus(delay), delay, failedAttempts + 1);
    }

    /** {@code initialDelay * 2^(failedAttempts - 1)}, at most {@code maxDelay}. */
    public Duration nominalDelay(int failedAttempts) {
        long cap = maxDelay.toMillis();
        long delay = Math.min(cap, initialDelay.toMillis());
        for (int i = 1; i < failedAttempts && delay < cap; i++) delay = Math.min(cap, delay * 2);
        return Duration.ofMillis(delay);
    }

    /** The shortest delay jitter can give after {@code failedAttempts} failures. */
    public Duration shortestDelay(int failedAttempts) {
        long nominal = nominalDelay(failedAttempts).toMillis();
        return Duration.ofMillis(nominal - (long) Math.floor(nominal * jitter));
    }
}
