package studio.release.lifecycle;

/**
 * The edges of the release state machine, each with the event it emits (null when silent). Which states an edge
 * leaves from is {@link ReleaseState}'s table; when it is taken is {@link ReleaseLifecycle}'s business.
 */
public enum ReleaseTrigger {
    /** The release waits for people: a gated environment, manualApprovalRequired, stale or lapsed approvals. */
    REQUEST_APPROVAL(ReleaseEvent.RELEASE_APPROVAL_REQUESTED),
    /** Nothing holds the release back any more: Studio fixes the tag it hands to CI. */
    START_TAGGING(null),
    /** The trigger (promotion-trigger-confirmed.yaml, version tag) went to CI. */
    HAND_TO_CI(ReleaseEvent.RELEASE_TRIGGERED),
    /** CI reported ReleaseCompleted. */
    CI_SUCCEEDED(ReleaseEvent.RELEASE_COMPLETED),
    /** Studio generated and signed the manifest and documents. */
    DOCUMENT(ReleaseEvent.RELEASE_AUDIT_EMITTED),
    /** CI reported ReleaseFailed. */
    CI_FAILED(ReleaseEvent.RELEASE_FAILED),
    ROLL_BACK(ReleaseEvent.RELEASE_ROLLED_BACK),
    REJECT(ReleaseEvent.RELEASE_REJECTED),
    /** Approvals did not come in time. */
    ABORT(ReleaseEvent.RELEASE_ABORTED);

    private final ReleaseEvent event;

    ReleaseTrigger(ReleaseEvent event) {
        this.event = event;
    }

    public ReleaseEvent event() {
        return event;
    }
}
