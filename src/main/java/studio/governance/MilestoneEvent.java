package studio.governance;

/** The lifecycle events a milestone emits (to the audit log, webhooks and the release coordinator). */
public enum MilestoneEvent {
    MILESTONE_READY("MilestoneReady"),
    MILESTONE_REACHED("MilestoneReached"),
    MILESTONE_PROMOTION_TRIGGERED("MilestonePromotionTriggered"),
    MILESTONE_BLOCKED("MilestoneBlocked"),
    MILESTONE_RESUMED("MilestoneResumed"),
    MILESTONE_ESCALATED("MilestoneEscalated"),
    MILESTONE_FORCE_CLOSED("MilestoneForceClosed"),
    MILESTONE_CLOSED("MilestoneClosed"),
    MILESTONE_TERMINATED("MilestoneTerminated");

    private final String eventName;

    MilestoneEvent(String eventName) {
        this.eventName = eventName;
    }

    /** The name as the spec writes it: "MilestoneReached". */
    public String eventName() {
        return eventName;
    }
}
