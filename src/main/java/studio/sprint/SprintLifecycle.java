package studio.sprint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import studio.gate.MilestoneEvidence.SprintState;

/**
 * Which events each sprint state accepts. CI may skip steps (a sprint may be reported only as SprintClosed, or
 * blocked straight from planning), so every open state accepts every event; Closed is terminal. Verifying is never
 * stored: it is how an Active sprint with QA or trace evidence is shown (see {@link SprintTimeline.Legal#shown}).
 */
public final class SprintLifecycle {

    private static final Map<SprintState, Set<SprintEventType>> ACCEPTS = new EnumMap<>(SprintState.class);

    static {
        ACCEPTS.put(SprintState.PLANNED, EnumSet.allOf(SprintEventType.class));
        ACCEPTS.put(SprintState.ACTIVE, EnumSet.allOf(SprintEventType.class));
        ACCEPTS.put(SprintState.VERIFYING, EnumSet.allOf(SprintEventType.class));
        ACCEPTS.put(SprintState.BLOCKED, EnumSet.allOf(SprintEventType.class));
        ACCEPTS.put(SprintState.CLOSED, EnumSet.noneOf(SprintEventType.class));
    }

    private SprintLifecycle() {}

    public static boolean accepts(SprintState state, SprintEventType event) {
        return ACCEPTS.get(state).contains(event);
    }
}
