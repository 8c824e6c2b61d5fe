package studio.release.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import studio.governance.Actor;
import studio.governance.ApprovalLedger;
import studio.governance.ApprovalRequest;
import studio.governance.ApprovalVerdict.Accepted;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseApproval.Decision;
import studio.governance.ReleasePolicy;
import studio.governance.Roles;
import studio.milestone.ControlPanel;
import studio.release.Release;
import studio.release.lifecycle.ReleaseState;
import studio.release.lifecycle.ReleaseTrigger;

/**
 * Which controls of the release page (and the dashboard's promotion form) one person may use now: each is shown only
 * when the rule the server enforces would let them act in this state. Approve and reject follow the
 * {@link ApprovalLedger} (never the requester, only the policy's roles, one place per person, never twice on the same
 * content); rollback and retry follow docs/API.md (product-owner, platform-admin) and the release state machine.
 */
public record ReleaseControls(boolean approve, boolean reject, boolean rollback, boolean retry, boolean schedule) {

    /** Who may roll back or retry a release (docs/API.md "Roles"). */
    public static final List<String> OPERATORS = List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN);

    /**
     * The ledger refuses a missing reason last, after who and what was decided already; asking it with a reason
     * answers "would this person be allowed once they write why?".
     */
    static final String REASON_TO_BE_GIVEN = "(reason to be given)";

    public static final ReleaseControls NONE = new ReleaseControls(false, false, false, false, false);

    /** What the release's own facts allow {@code actor} to do at {@code now}. */
    public static ReleaseControls of(Actor actor, ReleaseState state, ReleasePolicy policy, String requester, List<ReleaseApproval> decisions,
                                     String contentHash, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return NONE;
        boolean waiting = state == ReleaseState.PAUSED_FOR_APPROVAL && !decidedAlready(actor, decisions, contentHash);
        boolean operator = actor.holdsAny(OPERATORS);
        return new ReleaseControls(
                waiting && allowed(actor, Decision.APPROVED, policy, requester, decisions, contentHash, now),
                waiting && allowed(actor, Decision.REJECTED, policy, requester, decisions, contentHash, now),
                operator && state.next(ReleaseTrigger.ROLL_BACK).isPresent(),
                operator && state == ReleaseState.FAILED,
                operator && state == ReleaseState.PAUSED_FOR_APPROVAL);
    }

    public static ReleaseControls of(Actor actor, ReleaseView v, Instant now) {
        Release r = v.release();
        return of(actor, r.lifecycleState(), v.policy(), r.requestedBy, v.decisions(), r.contentHash, now);
    }

    /** Whether the dashboard offers {@code actor} the promotion form; POST /releases enforces the same roles. */
    public static boolean mayPromote(Actor actor) {
        return actor.holdsAny(ControlPanel.PROMOTERS);
    }

    public boolean decide() {
        return approve || reject;
    }

    public boolean any() {
        return approve || reject || rollback || retry || schedule;
    }

    /** A person decides once on the content as it stands (the store refuses a second decision anyway). */
    private static boolean decidedAlready(Actor actor, List<ReleaseApproval> decisions, String contentHash) {
        return decisions.stream().anyMatch(a -> a.approver().equals(actor.name()) && Objects.equals(a.contentHash(), contentHash));
    }

    private static boolean allowed(Actor actor, Decision decision, ReleasePolicy policy, String requester, List<ReleaseApproval> decisions,
                                   String contentHash, Instant now) {
        ApprovalRequest request = new ApprovalRequest(actor, decision, null, REASON_TO_BE_GIVEN);
        return ApprovalLedger.check(policy, requester, decisions, contentHash, now, request) instanceof Accepted;
    }
}
