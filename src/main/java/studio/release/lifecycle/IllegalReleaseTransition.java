package studio.release.lifecycle;

import studio.format.IllegalTransition;

/** A command or report the release's current state does not allow (the API answers 409 with the message). */
public class IllegalReleaseTransition extends IllegalTransition {

    public IllegalReleaseTransition(ReleaseState from, ReleaseStimulus stimulus, String message) {
        super(from, stimulus, message);
    }
}
