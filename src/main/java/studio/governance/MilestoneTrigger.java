package studio.governance;

/**
 * The edges of the milestone state machine, each with the event it emits (null when the step is silent). Which
 * states an edge leaves from is {@link MilestoneState}'s transition table; when an edge is taken is
 * {@link MilestoneLifecycle}'s business.
 */
public enum MilestoneTrigger {
    /** Tracking starts: MilestonePlanned, or any evidence touching the milestone. */
    READY(MilestoneEvent.MILESTONE_READY),
    /** The contributing sprints have settled (or someone asked for an evaluation): gates are now judged. */
    VERIFY(null),
    /** Every gate passed or is covered by an active override. */
    GATES_SATISFIED(MilestoneEvent.MILESTONE_REACHED),
    /** A gate failed, or gates stayed pending past the gate timeout. */
    GATE_FAILED(MilestoneEvent.MILESTONE_BLOCKED),
    /** Verification starts again after a block (retry on new evidence, resume, evaluation request). */
    RESUME(MilestoneEvent.MILESTONE_RESUMED),
    /** The timer retries a Blocked milestone after its cool-down (retryOnFailure with maxRetries): the spec's RetryTriggered. */
    RETRY(MilestoneEvent.MILESTONE_RESUMED),
    /** The timer gives up on a Blocked milestone whose maxRetries retries all failed: the spec's MaxRetriesExceeded. */
    MAX_RETRIES_EXCEEDED(MilestoneEvent.MILESTONE_TERMINATED),
    /** People must act: a contributing sprint overdue while Pending, blocked past the timeout, an override requested, or escalation requested. */
    ESCALATE(MilestoneEvent.MILESTONE_ESCALATED),
    /** A person declared the milestone reached, bypassing its gates. */
    FORCE_CLOSE(MilestoneEvent.MILESTONE_FORCE_CLOSED),
    /** Promotion was handed to the release side (autoPromotion); the state stays Reached. */
    PROMOTION_TRIGGERED(MilestoneEvent.MILESTONE_PROMOTION_TRIGGERED),
    /** The release side finished promoting the milestone. */
    PROMOTION_COMPLETED(MilestoneEvent.MILESTONE_CLOSED),
    /** The milestone is abandoned. */
    TERMINATE(MilestoneEvent.MILESTONE_TERMINATED);

    private final MilestoneEvent event;

    MilestoneTrigger(MilestoneEvent event) {
        this.event = event;
    }

    public MilestoneEvent event() {
        return event;
    }
}
