package studio.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A deployment approved ahead of time and scheduled for a moment inside an allowed window (docs/API.md "Scheduled
 * deployments"): it may be scheduled only for a moment to come, within {@link #HORIZON}, that no freeze window of its
 * environment covers (without a granted exception); when the moment comes it proceeds by itself only if every approval
 * still holds and no freeze holds then; otherwise the schedule is missed, said why, and people act again. Pure.
 */
public final class DeploymentSchedule {

    /** How far ahead a deployment may be scheduled. */
    public static final Duration HORIZON = Duration.ofDays(30);

    private DeploymentSchedule() {}

    /**
     * Why a deployment may not be scheduled for {@code at}, or empty.
     *
     * @param frozenAt the freeze window covering {@code at} and granting this milestone no exception, described, if any
     */
    public static Optional<String> refusal(Instant at, Instant now, Optional<String> frozenAt) {
        if (!at.isAfter(now)) return Optional.of("a deployment is scheduled for a moment to come; " + at + " has passed");
        if (at.isAfter(now.plus(HORIZON))) return Optional.of("a deployment is scheduled at most " + HORIZON.toDays() + " days ahead");
        return frozenAt.map(w -> at + " is inside the freeze window " + w + "; schedule it for a moment the freeze allows");
    }

    /** What the timer does with a scheduled deployment. */
    public sealed interface Tick {
        /** Its moment has not come, or its approvals are not all given yet: nothing. */
        record Wait() implements Tick {}

        /** Its moment came, every approval holds and no freeze holds: hand it to CI. */
        record Proceed() implements Tick {}

        /** Its moment came but it may not go: the schedule is cleared, with the reason. */
        record Missed(String reason) implements Tick {}
    }

    /**
     * @param approved whether the approvals it needs are all given and hold at {@code now}
     * @param frozen   the freeze holding over its environment now (without an exception for it), described, if any
     */
    public static Tick atTick(Instant scheduledFor, Instant now, boolean approved, Optional<String> frozen) {
        if (now.isBefore(scheduledFor)) return new Tick.Wait();
        if (!approved) return new Tick.Missed("its approvals did not all hold at " + scheduledFor + " (not all given, or expired)");
        if (frozen.isPresent()) return new Tick.Missed("a freeze held at " + scheduledFor + ": " + frozen.get());
        return new Tick.Proceed();
    }
}
