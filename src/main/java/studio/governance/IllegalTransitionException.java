package studio.governance;

/** A person's command the milestone's current state does not allow (the API answers 409 with the message). */
public class IllegalTransitionException extends RuntimeException {

    private final MilestoneState from;
    private final transient MilestoneStimulus stimulus;

    public IllegalTransitionException(MilestoneState from, MilestoneStimulus stimulus, String message) {
        super(message);
        this.from = from;
        this.stimulus = stimulus;
    }

    public MilestoneState from() {
        return from;
    }

    public MilestoneStimulus stimulus() {
        return stimulus;
    }
}
