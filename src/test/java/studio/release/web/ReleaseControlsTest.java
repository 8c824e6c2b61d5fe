package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.governance.ApprovalLedgerTest.ALICE;
import static studio.governance.ApprovalLedgerTest.BOB;
import static studio.governance.ApprovalLedgerTest.ERIN;
import static studio.governance.ApprovalLedgerTest.FRANK;
import static studio.governance.ApprovalLedgerTest.HASH;
import static studio.governance.ApprovalLedgerTest.NOW;
import static studio.governance.ApprovalLedgerTest.OLD_HASH;
import static studio.governance.ApprovalLedgerTest.PRODUCTION;
import static studio.governance.ApprovalLedgerTest.REQUESTER;
import static studio.governance.ApprovalLedgerTest.approval;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.governance.Actor;
import studio.governance.ReleaseApproval;
import studio.release.lifecycle.ReleaseState;

/** The release page's controls follow the rules the server enforces: the ledger for decisions, roles and states for the rest. */
class ReleaseControlsTest {

    static final Actor PLATFORM_ADMIN = new Actor("pat", Set.of("platform-admin"));
    static final Actor CI = new Actor("ci", Set.of("ci"));

    static ReleaseControls panel(Actor actor, ReleaseState state, ReleaseApproval... decisions) {
        return ReleaseControls.of(actor, state, PRODUCTION, REQUESTER, List.of(decisions), HASH, NOW);
    }

    @Test
    void aProductOwnerOtherThanTheRequesterMayApproveOrRejectAPausedRelease() {
        assertEquals(new ReleaseControls(true, true, false, false, true), panel(BOB, ReleaseState.PAUSED_FOR_APPROVAL));
    }

    @Test
    void theRequesterIsNeverOfferedADecisionButMayScheduleTheDeployment() {
        assertEquals(new ReleaseControls(false, false, false, false, true), panel(ALICE, ReleaseState.PAUSED_FOR_APPROVAL));
    }

    @Test
    void aPersonWhoDecidedOnTheCurrentContentIsNotOfferedASecondDecisionButIsOnNewContent() {
        ReleaseApproval current = approval(BOB, "product-owner", 5);
        assertEquals(new ReleaseControls(false, false, false, false, true), panel(BOB, ReleaseState.PAUSED_FOR_APPROVAL, current));
        ReleaseApproval stale = new ReleaseApproval(current.approver(), current.role(), current.decision(), current.reason(), current.at(),
                current.expiresAt(), OLD_HASH);
        assertEquals(new ReleaseControls(true, true, false, false, true), panel(BOB, ReleaseState.PAUSED_FOR_APPROVAL, stale));
    }

    @Test
    void noDecisionOutsidePausedForApproval() {
        assertEquals(ReleaseControls.NONE, panel(BOB, ReleaseState.DEPLOYING));
    }

    @Test
    void aRoleThePolicyDoesNotAskForIsNotOfferedADecision() {
        assertEquals(ReleaseControls.NONE, panel(ERIN, ReleaseState.PAUSED_FOR_APPROVAL));
    }

    @Test
    void operatorsMayRollBackACompletedReleaseAndRollBackOrRetryAFailedOne() {
        assertEquals(new ReleaseControls(false, false, true, false, false), panel(BOB, ReleaseState.COMPLETED));
        assertEquals(new ReleaseControls(false, false, true, true, false), panel(PLATFORM_ADMIN, ReleaseState.FAILED));
        assertEquals(ReleaseControls.NONE, panel(PLATFORM_ADMIN, ReleaseState.ROLLED_BACK));
    }

    @Test
    void otherRolesMayNeitherRollBackNorRetry() {
        assertEquals(ReleaseControls.NONE, panel(ERIN, ReleaseState.FAILED));
        assertEquals(ReleaseControls.NONE, panel(ERIN, ReleaseState.COMPLETED));
    }

    @Test
    void auditorsAndCiSeeNoControls() {
        assertEquals(ReleaseControls.NONE, panel(FRANK, ReleaseState.FAILED));
        assertEquals(ReleaseControls.NONE, panel(CI, ReleaseState.PAUSED_FOR_APPROVAL));
    }

    @Test
    void onlyProductOwnersAndPlatformAdminsAreOfferedThePromotionForm() {
        assertEquals(true, ReleaseControls.mayPromote(BOB));
        assertEquals(true, ReleaseControls.mayPromote(PLATFORM_ADMIN));
        assertEquals(false, ReleaseControls.mayPromote(ERIN));
        assertEquals(false, ReleaseControls.mayPromote(FRANK));
        assertEquals(false, ReleaseControls.mayPromote(CI));
    }
}
