package studio.release.lifecycle;

import static studio.release.lifecycle.ReleaseState.*;

import java.util.List;
import java.util.Set;
import studio.format.Durations;
import studio.format.Steps;
import studio.release.lifecycle.ReleaseStimulus.*;

/**
 * Decides what a stimulus does to a release: the ordered transitions to apply, or an
 * {@link IllegalReleaseTransition} for what the state does not allow. Pure: the caller passes the current state.
 *
 * <p>Studio neither builds nor deploys. It pauses a gated release for approvals, then fixes the tag (Tagging)
 * and hands the trigger to CI ({@link TriggerSent}: Deploying, ReleaseTriggered). CI reports back:
 * ReleaseCompleted moves through Documenting to Completed at once (Studio signs the manifest and writes the
 * documents in the same step: ReleaseCompleted, then ReleaseAuditEmitted); ReleaseFailed fails the release, and
 * with {@code rollbackOnFailure} (the spec's rollbackEnabled) rolls it back straight away.
 *
 * <p>CI reports are idempotent: a report the release already reflects (ReleaseCompleted on Documenting or
 * Completed, ReleaseFailed on Failed or Rolled back) changes nothing. ReleaseCompleted on a Failed release is
 * CI's own retry succeeding and completes it; ReleaseFailed on a Completed release is refused: a finished,
 * signed release is undone by a rollback, not by a late report.
 */
public final class ReleaseLifecycle {

    private final boolean rollbackOnFailure;

    public ReleaseLifecycle() {
        this(false);
    }

    /** @param rollbackOnFailure roll back as soon as CI reports a failure (rollbackEnabled) */
    public ReleaseLifecycle(boolean rollbackOnFailure) {
        this.rollbackOnFailure = rollbackOnFailure;
    }

    public List<ReleaseTransition> react(ReleaseState state, ReleaseStimulus stimulus) {
        Path path = new Path(state);
        if (stimulus instanceof Created c) onCreated(path, c);
        else if (stimulus instanceof ApprovalsComplete a) onApprovalsComplete(path, a);
        else if (stimulus instanceof ApprovalRejected r) onRejected(path, r);
        else if (stimulus instanceof TriggerSent t) onTriggerSent(path, t);
        else if (stimulus instanceof CiCompleted c) onCiCompleted(path, c);
        else if (stimulus instanceof CiFailed f) onCiFailed(path, f);
        else if (stimulus instanceof Rollback r) onRollback(path, r);
        else if (stimulus instanceof Retry r) onRetry(path, r);
        else if (stimulus instanceof EvidenceChanged e) onEvidenceChanged(path, e);
        else if (stimulus instanceof TimerTick t) onTick(path, t);
        return path.taken();
    }

    private static void onCreated(Path path, Created c) {
        require(path.state(), c, Set.of(PENDING), "");
        if (c.gated()) path.take(ReleaseTrigger.REQUEST_APPROVAL, "requested by " + c.requestedBy() + "; approval required before release");
        else path.take(ReleaseTrigger.START_TAGGING, "requested by " + c.requestedBy() + "; no approval required");
    }

    private static void onApprovalsComplete(Path path, ApprovalsComplete a) {
        require(path.state(), a, Set.of(PAUSED_FOR_APPROVAL), "; it no longer waits for approvals");
        path.take(ReleaseTrigger.START_TAGGING, "every required approval given (last by " + a.lastApprover() + ")");
    }

    private static void onRejected(Path path, ApprovalRejected r) {
        require(path.state(), r, Set.of(PAUSED_FOR_APPROVAL), "; it no longer waits for approvals");
        path.take(ReleaseTrigger.REJECT, Steps.said("rejected by ", r.actor(), r.reason()));
    }

    private static void onTriggerSent(Path path, TriggerSent t) {
        if (path.state() == DEPLOYING) return; // handed over already
        require(path.state(), t, Set.of(TAGGING), "");
        path.take(ReleaseTrigger.HAND_TO_CI, "trigger handed to CI");
    }

    private static void onCiCompleted(Path path, CiCompleted c) {
        if (path.state() == DOCUMENTING || path.state() == COMPLETED) return; // a repeated report
        require(path.state(), c, Set.of(DEPLOYING, FAILED), path.state().compareTo(DEPLOYING) < 0 ? "; it was not handed to CI yet" : "");
        if (c.awaited() != null) {
            throw new IllegalReleaseTransition(path.state(), c, c.label() + " comes after " + c.awaited() + ": the deployment completes once CI "
                    + "reported a GateSignal passing for each signal it waits for");
        }
        path.take(ReleaseTrigger.CI_SUCCEEDED, path.state() == FAILED ? "CI reported completion after an earlier failure" : "CI reported completion");
        path.take(ReleaseTrigger.DOCUMENT, "manifest signed and release documents generated");
    }

    private void onCiFailed(Path path, CiFailed f) {
        if (path.state() == FAILED || path.state() == ROLLED_BACK) return; // a repeated report
        String hint = path.state() == COMPLETED || path.state() == DOCUMENTING ? "; roll it back instead"
                : path.state().compareTo(DEPLOYING) < 0 ? "; it was not handed to CI yet" : "";
        require(path.state(), f, Set.of(DEPLOYING), hint);
        path.take(ReleaseTrigger.CI_FAILED, Steps.said("CI reported failure", "", f.reason()));
        if (rollbackOnFailure) path.take(ReleaseTrigger.ROLL_BACK, "rolled back automatically after the failure (rollbackEnabled)");
    }

    private static void onRollback(Path path, Rollback r) {
        require(path.state(), r, Set.of(FAILED, COMPLETED), "");
        path.take(ReleaseTrigger.ROLL_BACK, Steps.said("rolled back by ", r.actor(), r.reason()));
    }

    private static void onRetry(Path path, Retry r) {
        require(path.state(), r, Set.of(FAILED), "");
        if (r.approvalsHold()) path.take(ReleaseTrigger.START_TAGGING, "retry by " + r.actor());
        else path.take(ReleaseTrigger.REQUEST_APPROVAL, "retry by " + r.actor() + "; the approvals no longer hold and must be given again");
    }

    private static void onEvidenceChanged(Path path, EvidenceChanged e) {
        if (path.state() != PAUSED_FOR_APPROVAL) return; // before the pause nothing was approved; after it the content is fixed
        path.take(ReleaseTrigger.REQUEST_APPROVAL, "evidence changed (" + e.what() + "); approvals given so far are stale and must be given again");
    }

    private static void onTick(Path path, TimerTick t) {
        if (path.state() == PAUSED_FOR_APPROVAL && t.expired()) {
            path.take(ReleaseTrigger.ABORT, "no approval within " + Durations.spelled(t.approvalTimeout()));
        }
    }

    private static void require(ReleaseState state, ReleaseStimulus s, Set<ReleaseState> allowed, String hint) {
        if (allowed.contains(state)) return;
        List<String> names = allowed.stream().sorted().map(ReleaseState::label).toList();
        throw new IllegalReleaseTransition(state, s, s.label() + " needs the release " + String.join(" or ", names)
                + "; it is " + state.label() + hint);
    }

    /** The transitions taken so far and the state they lead to. */
    private static final class Path extends Steps<ReleaseState, ReleaseTrigger, ReleaseTransition> {
        Path(ReleaseState start) {
            super(start, ReleaseState::next, (from, to, t, why) -> new ReleaseTransition(from, to, t.event(), why));
        }
    }
}
