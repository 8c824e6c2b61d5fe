package studio.release.lifecycle;

import static studio.release.lifecycle.ReleaseTrigger.*;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studio.format.Names;
import studio.format.Reachable;

/**
 * A release's lifecycle state, with the complete transition table: the only edges there are. Rolled back,
 * Aborted and Rejected are terminal; Completed still allows a manual rollback.
 *
 * <pre>
 * Pending           --REQUEST_APPROVAL--> PausedForApproval  --START_TAGGING--> Tagging
 * PausedForApproval --REQUEST_APPROVAL--> PausedForApproval  --START_TAGGING--> Tagging
 *                   --REJECT--> Rejected                      --ABORT--> Aborted
 * Tagging           --HAND_TO_CI--> Deploying
 * Deploying         --CI_SUCCEEDED--> Documenting             --CI_FAILED--> Failed
 * Documenting       --DOCUMENT--> Completed
 * Completed         --ROLL_BACK--> RolledBack
 * Failed            --ROLL_BACK--> RolledBack                 --START_TAGGING--> Tagging (retry)
 *                   --REQUEST_APPROVAL--> PausedForApproval (retry, approvals lapsed)
 *                   --CI_SUCCEEDED--> Documenting (CI's own retry succeeded)
 * </pre>
 */
public enum ReleaseState {
    PENDING, PAUSED_FOR_APPROVAL, TAGGING, DEPLOYING, DOCUMENTING, COMPLETED, FAILED, ROLLED_BACK, ABORTED, REJECTED;

    private static final Map<ReleaseState, Map<ReleaseTrigger, ReleaseState>> TABLE = new EnumMap<>(ReleaseState.class);

    static {
        for (ReleaseState state : values()) TABLE.put(state, new EnumMap<>(ReleaseTrigger.class));
        edge(PENDING, REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        edge(PENDING, START_TAGGING, TAGGING);
        edge(PAUSED_FOR_APPROVAL, REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        edge(PAUSED_FOR_APPROVAL, START_TAGGING, TAGGING);
        edge(PAUSED_FOR_APPROVAL, REJECT, REJECTED);
        edge(PAUSED_FOR_APPROVAL, ABORT, ABORTED);
        edge(TAGGING, HAND_TO_CI, DEPLOYING);
        edge(DEPLOYING, CI_SUCCEEDED, DOCUMENTING);
        edge(DEPLOYING, CI_FAILED, FAILED);
        edge(DOCUMENTING, DOCUMENT, COMPLETED);
        edge(COMPLETED, ROLL_BACK, ROLLED_BACK);
        edge(FAILED, ROLL_BACK, ROLLED_BACK);
        edge(FAILED, START_TAGGING, TAGGING);
        edge(FAILED, REQUEST_APPROVAL, PAUSED_FOR_APPROVAL);
        edge(FAILED, CI_SUCCEEDED, DOCUMENTING);
    }

    private static void edge(ReleaseState from, ReleaseTrigger trigger, ReleaseState to) {
        TABLE.get(from).put(trigger, to);
    }

    /** Where {@code trigger} leads from this state, or empty when this state has no such edge. */
    public Optional<ReleaseState> next(ReleaseTrigger trigger) {
        return Optional.ofNullable(TABLE.get(this).get(trigger));
    }

    /**
     * Whether a pipeline waiting for {@code wanted} can stop: no edge leads here to it any more, or the release failed
     * (it moves again only when a person retries it, which a pipeline should not wait for).
     */
    public boolean rulesOut(ReleaseState wanted) {
        if (this == wanted) return false;
        return this == FAILED || !Reachable.from(this, s -> TABLE.get(s).values()).contains(wanted);
    }

    /** Nothing more can happen to the release. */
    public boolean terminal() {
        return this == ROLLED_BACK || this == ABORTED || this == REJECTED;
    }

    /** "Paused for approval": as people read it. */
    public String label() {
        String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "paused_for_approval": as release-metadata.json and the API write it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is no state */
    public static ReleaseState fromJson(String json) {
        return Names.parse(ReleaseState.class, json);
    }
}
