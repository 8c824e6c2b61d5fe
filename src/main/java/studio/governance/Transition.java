package studio.governance;

/**
 * One step to apply to a milestone, in order. A step with {@code from == to} changes no state and only emits its
 * event (MilestonePromotionTriggered after MilestoneReached).
 *
 * @param emittedEvent the event to record and publish, or null for a silent step (Pending to Verifying)
 * @param reason       why, in words for the audit log and the milestone's history
 * @param trigger      the edge taken (null when unknown), so the shell can count retries
 */
public record Transition(MilestoneState from, MilestoneState to, MilestoneEvent emittedEvent, String reason, MilestoneTrigger trigger) {

    public Transition(MilestoneState from, MilestoneState to, MilestoneEvent emittedEvent, String reason) {
        this(from, to, emittedEvent, reason, null);
    }
}
