package studio.governance;

/**
 * The milestone's effective settings that steer its lifecycle (milestone value, else the global default).
 *
 * @param autoPromotion        emit MilestonePromotionTriggered whenever the milestone is reached
 * @param retryOnFailure       a Blocked milestone returns to Verifying by itself when new evidence clears its failures
 * @param maxRetries           with retryOnFailure: how many times the timer retries a Blocked milestone before it is
 *                             Terminated (MaxRetriesExceeded); 0 means the timer never retries (the gate timeout
 *                             escalates it instead)
 * @param retryCooldownSeconds how long a milestone stays Blocked before the timer retries it
 */
public record LifecyclePolicy(boolean autoPromotion, boolean retryOnFailure, int maxRetries, long retryCooldownSeconds) {

    public LifecyclePolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries is negative");
        if (retryCooldownSeconds < 0) throw new IllegalArgumentException("retryCooldownSeconds is negative");
    }

    /** Without timer retries. */
    public LifecyclePolicy(boolean autoPromotion, boolean retryOnFailure) {
        this(autoPromotion, retryOnFailure, 0, 0);
    }

    /** Whether the timer retries a Blocked milestone (and in the end terminates it) instead of escalating it. */
    public boolean timerRetries() {
        return retryOnFailure && maxRetries > 0;
    }
}
