package studio.milestone;

import java.util.List;
import studio.governance.Actor;
import studio.governance.MilestoneEvent;
import studio.governance.MilestoneState;
import studio.governance.Transition;

/** Fired (synchronously, inside the transaction) when a milestone's state or gate matrix changed; {@code actor} caused it. */
public record MilestoneChanged(String milestoneId, List<Transition> transitions, MilestoneState state, Actor actor) {

    public boolean entered(MilestoneState s) {
        return transitions.stream().anyMatch(t -> t.to() == s && t.from() != s);
    }

    public boolean emitted(MilestoneEvent event) {
        return transitions.stream().anyMatch(t -> t.emittedEvent() == event);
    }
}
