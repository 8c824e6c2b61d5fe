package studio.governance;

import java.time.Instant;

/**
 * A person's brake on a milestone, kept until lifted: a pause (the milestone does not move) or a rejected promotion
 * (it may not be released). Who put it on, with which roles, why and when.
 */
public record Hold(String by, String roles, String reason, Instant at) {

    /** "Paused by po-anna: waiting for the security review" */
    public String describe(String what) {
        return what + " by " + by + ": " + reason;
    }
}
