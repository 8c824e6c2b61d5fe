package studio.governance;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.format.Reachable;

/**
 * A milestone's lifecycle state, with the complete transition table: the only edges there are. Closed and
 * Terminated are terminal.
 *
 * <pre>
 * Planned   --READY-->               Pending
 * Pending   --VERIFY-->              Verifying    --ESCALATE--> Escalated (a contributing sprint overdue)
 * Verifying --GATES_SATISFIED-->     Reached      --GATE_FAILED--> Blocked
 * Blocked   --RESUME-->              Verifying    --ESCALATE--> Escalated   --TERMINATE--> Terminated
 * Blocked   --RETRY-->               Verifying    --MAX_RETRIES_EXCEEDED--> Terminated
 * Escalated --GATES_SATISFIED-->     Reached      --FORCE_CLOSE--> Reached  --TERMINATE--> Terminated
 * Reached   --PROMOTION_TRIGGERED--> Reached      --PROMOTION_COMPLETED--> Closed
 * </pre>
 */
public enum MilestoneState {
    PLANNED, PENDING, VERIFYING, BLOCKED, ESCALATED, REACHED, CLOSED, TERMINATED;

    private static final Map<MilestoneState, Map<MilestoneTrigger, MilestoneState>> TABLE = new EnumMap<>(MilestoneState.class);

    static {
        for (MilestoneState state : values()) TABLE.put(state, new EnumMap<>(MilestoneTrigger.class));
        edge(PLANNED, MilestoneTrigger.READY, PENDING);
        edge(PENDING, MilestoneTrigger.VERIFY, VERIFYING);
        edge(PENDING, MilestoneTrigger.ESCALATE, ESCALATED);
        edge(VERIFYING, MilestoneTrigger.GATES_SATISFIED, REACHED);
        edge(VERIFYING, MilestoneTrigger.GATE_FAILED, BLOCKED);
        edge(BLOCKED, MilestoneTrigger.RESUME, VERIFYING);
        edge(BLOCKED, MilestoneTrigger.ESCALATE, ESCALATED);
        edge(BLOCKED, MilestoneTrigger.TERMINATE, TERMINATED);
        edge(BLOCKED, MilestoneTrigger.RETRY, VERIFYING);
        edge(BLOCKED, MilestoneTrigger.MAX_RETRIES_EXCEEDED, TERMINATED);
        edge(ESCALATED, MilestoneTrigger.GATES_SATISFIED, REACHED);
        edge(ESCALATED, MilestoneTrigger.FORCE_CLOSE, REACHED);
        edge(ESCALATED, MilestoneTrigger.TERMINATE, TERMINATED);
        edge(REACHED, MilestoneTrigger.PROMOTION_TRIGGERED, REACHED);
        edge(REACHED, MilestoneTrigger.PROMOTION_COMPLETED, CLOSED);
    }

    private static void edge(MilestoneState from, MilestoneTrigger trigger, MilestoneState to) {
        TABLE.get(from).put(trigger, to);
    }

    /** Where {@code trigger} leads from this state, or empty when this state has no such edge. */
    public Optional<MilestoneState> next(MilestoneTrigger trigger) {
        return Optional.ofNullable(TABLE.get(this).get(trigger));
    }

    /** Not yet Reached, Closed or Terminated: the gates still decide, so overrides may still be requested. */
    public boolean beforeReached() {
        return this != REACHED && !terminal();
    }

    /** Reached or Closed: the only states a milestone can be promoted to a release from. */
    public boolean releasable() {
        return this == REACHED || this == CLOSED;
    }

    public boolean terminal() {
        return this == CLOSED || this == TERMINATED;
    }

    /**
     * Whether a pipeline waiting for {@code wanted} has it: this state, or for Reached also Closed (which only
     * follows Reached).
     */
    public boolean satisfies(MilestoneState wanted) {
        return this == wanted || (wanted == REACHED && this == CLOSED);
    }

    /** Whether no edge of the lifecycle leads from here to {@code wanted} any more: a wait for it is over, refused. */
    public boolean rulesOut(MilestoneState wanted) {
        return !satisfies(wanted) && !Reachable.from(this, s -> TABLE.get(s).values()).contains(wanted);
    }

    /** "Pending": as people read it. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** "pending": as milestone-status.json writes it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
