package studio.sprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.gate.MilestoneEvidence.SprintState;

/**
 * A sprint's state from its events, following the events' own timestamps rather than their arrival: events are
 * applied in (timestamp, lifecycle order of the type, arrival) order, exact duplicates are applied once. The
 * lifecycle tie-break makes the result the same for every arrival order of the same events.
 */
public final class SprintTimeline {

    private static final Comparator<SprintEventFact> ORDER = Comparator.comparing(SprintEventFact::timestamp)
            .thenComparing(SprintEventFact::type)
            .thenComparingLong(SprintEventFact::arrivalSeq);

    /** The outcome of folding a sprint's events. */
    public sealed interface Fold {}

    /**
     * @param last     the event that decided the state (null when there are no events: a defined sprint is Planned)
     * @param closedBy the SprintClosed event when the sprint is closed, else null
     */
    public record Legal(SprintState state, SprintEventFact last, SprintEventFact closedBy) implements Fold {
        /** The state to show: an Active sprint whose QA report or trace matrix has arrived is Verifying. */
        public SprintState shown(boolean hasVerificationEvidence) {
            return state == SprintState.ACTIVE && hasVerificationEvidence ? SprintState.VERIFYING : state;
        }
    }

    /** The first event, in timestamp order, that the state reached before it does not accept. */
    public record Illegal(SprintEventFact event, SprintState from, String reason) implements Fold {}

    private SprintTimeline() {}

    /** @throws IllegalArgumentException when the events are not all of one sprint */
    public static Fold fold(List<SprintEventFact> events) {
        List<SprintEventFact> ordered = events.stream().sorted(ORDER).toList();
        requireOneSprint(ordered);
        SprintState state = SprintState.PLANNED;
        SprintEventFact last = null;
        for (SprintEventFact event : ordered) {
            if (last != null && event.duplicates(last)) continue;
            if (!SprintLifecycle.accepts(state, event.type())) return illegal(event, state, last);
            state = event.type().target();
            last = event;
        }
        return new Legal(state, last, state == SprintState.CLOSED ? last : null);
    }

    /** Whether storing {@code newEvent} keeps the sprint's timeline legal (the API answers 409 when not). */
    public static boolean accepts(List<SprintEventFact> existing, SprintEventFact newEvent) {
        return check(existing, newEvent) instanceof Legal;
    }

    /** The fold the timeline would have with {@code newEvent} added: its Illegal reason is the 409 message. */
    public static Fold check(List<SprintEventFact> existing, SprintEventFact newEvent) {
        List<SprintEventFact> all = new ArrayList<>(existing);
        all.add(newEvent);
        return fold(all);
    }

    private static Illegal illegal(SprintEventFact event, SprintState state, SprintEventFact last) {
        String reason = "sprint " + event.sprintId() + " was " + state.label().toLowerCase(java.util.Locale.ROOT)
                + " at " + last.timestamp() + "; " + event.type().eventName() + " at " + event.timestamp() + " cannot follow it";
        return new Illegal(event, state, reason);
    }

    private static void requireOneSprint(List<SprintEventFact> events) {
        if (events.stream().map(SprintEventFact::sprintId).distinct().count() > 1) {
            throw new IllegalArgumentException("a timeline holds the events of one sprint");
        }
    }
}
