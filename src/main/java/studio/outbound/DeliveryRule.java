package studio.outbound;

import java.time.Instant;

/** What becomes of a delivery after an attempt: delivered, tried again later per the backoff, or dead-lettered. */
public final class DeliveryRule {

    public sealed interface Next {
        record Delivered() implements Next {}

        record RetryAt(Instant at, String error) implements Next {}

        record DeadLetter(String error) implements Next {}
    }

    private DeliveryRule() {}

    /** @param failedBefore how many attempts of this delivery had failed before this one */
    public static Next after(AttemptResult result, int failedBefore, Backoff backoff, Instant now) {
        if (result.delivered()) return new Next.Delivered();
        String error = result.describe();
        Backoff.NextAttempt next = backoff.nextAttempt(failedBefore + 1, now);
        if (next instanceof Backoff.NextAttempt.RetryAt r) return new Next.RetryAt(r.at(), error);
        return new Next.DeadLetter(error + "; " + ((Backoff.NextAttempt.DeadLetter) next).reason());
    }
}
