package studio.governance;

import studio.format.IllegalTransition;

/** A person's command the milestone's current state does not allow (the API answers 409 with the message). */
public class IllegalTransitionException extends IllegalTransition {

    public IllegalTransitionException(MilestoneState from, MilestoneStimulus stimulus, String message) {
        super(from, stimulus, message);
    }
}
