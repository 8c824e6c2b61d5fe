package studio.release.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a release. Timer ticks and evidence changes never fail; the rest are refused with
 * {@link IllegalReleaseTransition} when the state does not allow them, except repeated CI reports, which are
 * harmless no-ops.
 */
public sealed interface ReleaseStimulus {

    /** How a person would name it in "a retry needs the release Failed". */
    String label();

    /** The release was stored; {@code gated} when its policy or manualApprovalRequired wants approvals first. */
    record Created(String requestedBy, boolean gated) implements ReleaseStimulus {
        public String label() {
            return "creation";
        }
    }

    /** The approval ledger is satisfied after a new approval. */
    record ApprovalsComplete(String lastApprover) implements ReleaseStimulus {
        public String label() {
            return "an approval";
        }
    }

    record ApprovalRejected(String actor, String reason) implements ReleaseStimulus {
        public String label() {
            return "a rejection";
        }
    }

    /** Studio tagged the release and handed the trigger to CI. */
    record TriggerSent() implements ReleaseStimulus {
        public String label() {
            return "handing the trigger to CI";
        }
    }

    /**
     * CI posted ReleaseCompleted.
     *
     * @param awaited the signals the deployment still waits for (smokeTestsPassed, canaryValidationPassed), or null: none
     */
    record CiCompleted(String awaited) implements ReleaseStimulus {
        public CiCompleted() {
            this(null);
        }

        public String label() {
            return "CI's ReleaseCompleted";
        }
    }

    /** CI posted ReleaseFailed. */
    record CiFailed(String reason) implements ReleaseStimulus {
        public String label() {
            return "CI's ReleaseFailed";
        }
    }

    record Rollback(String actor, String reason) implements ReleaseStimulus {
        public String label() {
            return "a rollback";
        }
    }

    /**
     * Hand a failed release to CI again. {@code approvalsHold}: the approval ledger is still satisfied for the
     * release's current content (always true for an environment that needs no approval).
     */
    record Retry(String actor, boolean approvalsHold) implements ReleaseStimulus {
        public String label() {
            return "a retry";
        }
    }

    /** The release's content hash changed (new evidence, an override): approvals given so far are stale. */
    record EvidenceChanged(String what) implements ReleaseStimulus {
        public String label() {
            return "an evidence change";
        }
    }

    /** The scheduler's look at a paused release: {@code pausedAt} is when it entered PausedForApproval. */
    record TimerTick(Instant pausedAt, Instant now, Duration approvalTimeout) implements ReleaseStimulus {
        public String label() {
            return "timer";
        }

        /** Strictly longer than the timeout: exactly at the limit is still in time. No timeout: never. */
        public boolean expired() {
            return approvalTimeout != null && !approvalTimeout.isZero() && !approvalTimeout.isNegative()
                    && now.isAfter(pausedAt.plus(approvalTimeout));
        }
    }
}
