package studio.sprint;

import java.util.Arrays;
import java.util.Optional;
import studio.gate.MilestoneEvidence.SprintState;

/**
 * The sprint lifecycle events CI sends, each with the state it puts the sprint in. Declaration order is the
 * lifecycle order used to break ties between events with the same timestamp (planned before started before
 * closed), so that the state never depends on which of two simultaneous events arrived first.
 */
public enum SprintEventType {
    SPRINT_PLANNED("SprintPlanned", SprintState.PLANNED),
    SPRINT_STARTED("SprintStarted", SprintState.ACTIVE),
    SPRINT_CHECKPOINT("SprintCheckpoint", SprintState.ACTIVE),
    SPRINT_BLOCKED("SprintBlocked", SprintState.BLOCKED),
    PLANNING_RESUMED("PlanningResumed", SprintState.PLANNED),
    SPRINT_CLOSED("SprintClosed", SprintState.CLOSED);

    private final String eventName;
    private final SprintState target;

    SprintEventType(String eventName, SprintState target) {
        this.eventName = eventName;
        this.target = target;
    }

    /** The name as it appears in the event's {@code "event"} field. */
    public String eventName() {
        return eventName;
    }

    public SprintState target() {
        return target;
    }

    public static Optional<SprintEventType> fromEventName(String name) {
        return Arrays.stream(values()).filter(t -> t.eventName.equals(name)).findFirst();
    }
}
