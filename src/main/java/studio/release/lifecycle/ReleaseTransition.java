package studio.release.lifecycle;

/**
 * One step to apply to a release, in order. A step with {@code from == to} changes no state and only emits its
 * event (approvals requested again after the evidence changed).
 *
 * @param event  the event to record and publish, or null for a silent step (Pending to Tagging)
 * @param reason why, in words for the audit log and the release's history
 */
public record ReleaseTransition(ReleaseState from, ReleaseState to, ReleaseEvent event, String reason) {}
