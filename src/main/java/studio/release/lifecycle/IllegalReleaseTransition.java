package studio.release.lifecycle;

/** A command or report the release's current state does not allow (the API answers 409 with the message). */
public class IllegalReleaseTransition extends RuntimeException {

    private final ReleaseState from;
    private final transient ReleaseStimulus stimulus;

    public IllegalReleaseTransition(ReleaseState from, ReleaseStimulus stimulus, String message) {
        super(message);
        this.from = from;
        this.stimulus = stimulus;
    }

    public ReleaseState from() {
        return from;
    }

    public ReleaseStimulus stimulus() {
        return stimulus;
    }
}
