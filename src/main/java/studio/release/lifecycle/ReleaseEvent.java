package studio.release.lifecycle;

/** The events Studio emits about a release (to the audit log, webhooks and CI). */
public enum ReleaseEvent {
    RELEASE_APPROVAL_REQUESTED("ReleaseApprovalRequested"),
    /** The trigger handed to CI: the pipeline should tag, build and deploy. */
    RELEASE_TRIGGERED("ReleaseTriggered"),
    /** Beside ReleaseTriggered: the version starts deploying to the release's environment. */
    DEPLOYMENT_STARTED("DeploymentStarted"),
    RELEASE_COMPLETED("ReleaseCompleted"),
    RELEASE_FAILED("ReleaseFailed"),
    RELEASE_ROLLED_BACK("ReleaseRolledBack"),
    /** The signed manifest and the release documents were generated. */
    RELEASE_AUDIT_EMITTED("ReleaseAuditEmitted"),
    /** The manifest of the completed release was signed (just before ReleaseAuditEmitted). */
    RELEASE_SIGNED("ReleaseSigned"),
    RELEASE_ABORTED("ReleaseAborted"),
    RELEASE_REJECTED("ReleaseRejected");

    private final String eventName;

    ReleaseEvent(String eventName) {
        this.eventName = eventName;
    }

    /** The name as the spec writes it: "ReleaseTriggered". */
    public String eventName() {
        return eventName;
    }
}
