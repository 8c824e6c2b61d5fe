package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.governance.PolicyFixture.actor;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.gate.PlanningMode;

/** A sprint's scope is approved by a product owner (or a linked milestone's governor) who did not import it, never CI. */
class ScopeApprovalPolicyTest {

    static final List<String> DECIDERS = ScopeApprovalPolicy.deciders(List.of("domain-architect"));

    static ScopeApprovalPolicy.Scope scope(ScopeStatus status, boolean needed) {
        return new ScopeApprovalPolicy.Scope("sprint-4", "po-1", status, needed, DECIDERS);
    }

    @Test
    void aSprintNeedsApprovalByItsOwnFlagOrAnyLinkedMilestonesMode() {
        assertTrue(ScopeApprovalPolicy.needsApproval(true, List.of()));
        assertTrue(ScopeApprovalPolicy.needsApproval(null, List.of(PlanningMode.AUTONOMOUS, PlanningMode.ASSISTED)));
        assertTrue(ScopeApprovalPolicy.needsApproval(false, List.of(PlanningMode.MANUAL_ONLY)), "approvalRequired false does not override a milestone");
        assertFalse(ScopeApprovalPolicy.needsApproval(false, List.of(PlanningMode.AUTONOMOUS)));
        assertFalse(ScopeApprovalPolicy.needsApproval(null, List.of()));
    }

    @Test
    void anotherProductOwnerOrTheMilestonesGovernorDecides() {
        assertEquals(List.of("product-owner", "domain-architect"), DECIDERS);
        assertTrue(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.PENDING, true), "fits").allowed());
        assertTrue(ScopeApprovalPolicy.decide(actor("arch", "domain-architect"), scope(ScopeStatus.STALE, true), "fits").allowed());
    }

    @Test
    void theAuthorCiAndOtherRolesCannot() {
        assertEquals(Verdict.forbidden("you imported this scope of sprint-4; another person must decide it"),
                ScopeApprovalPolicy.decide(actor("po-1", "product-owner"), scope(ScopeStatus.PENDING, true), "mine"));
        assertEquals(403, status(ScopeApprovalPolicy.decide(actor("po-1", "platform-admin", "product-owner"), scope(ScopeStatus.PENDING, true), "mine")));
        assertEquals(403, status(ScopeApprovalPolicy.decide(actor("ci-bot", "ci"), scope(ScopeStatus.PENDING, true), "ok")));
        assertEquals(403, status(ScopeApprovalPolicy.decide(actor("qa", "qa-lead"), scope(ScopeStatus.PENDING, true), "ok")));
        assertEquals(403, status(ScopeApprovalPolicy.decide(actor("admin", "platform-admin"), scope(ScopeStatus.PENDING, true), "ok")));
    }

    @Test
    void aDecidedOrUngovernedScopeIsAConflictAndAReasonIsRequired() {
        assertEquals(409, status(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.APPROVED, true), "again")));
        assertEquals(409, status(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.REJECTED, true), "again")));
        assertEquals(409, status(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.PENDING, false), "why")));
        assertEquals(409, status(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.NONE, true), "why")));
        assertEquals(400, status(ScopeApprovalPolicy.decide(actor("po-2", "product-owner"), scope(ScopeStatus.PENDING, true), " ")));
    }

    @Test
    void aStartBeforeApprovalStaysUnapproved() {
        Instant start = Instant.parse("2025-01-01T10:00:00Z");
        assertTrue(ScopeApprovalPolicy.startedUnapproved(true, ScopeStatus.PENDING, null, start));
        assertTrue(ScopeApprovalPolicy.startedUnapproved(true, ScopeStatus.REJECTED, null, start));
        assertTrue(ScopeApprovalPolicy.startedUnapproved(true, ScopeStatus.APPROVED, start.plusSeconds(1), start));
        assertFalse(ScopeApprovalPolicy.startedUnapproved(true, ScopeStatus.APPROVED, start.minusSeconds(1), start));
        assertFalse(ScopeApprovalPolicy.startedUnapproved(false, ScopeStatus.PENDING, null, start));
    }

    @Test
    void commentsNeedTextAndAPersonWhoMayAct() {
        assertTrue(ScopeApprovalPolicy.comment(actor("qa", "qa-lead"), "why is Auth in here?").allowed());
        assertEquals(400, status(ScopeApprovalPolicy.comment(actor("qa", "qa-lead"), "  ")));
        assertEquals(403, status(ScopeApprovalPolicy.comment(actor("ci-bot", "ci"), "hi")));
        assertEquals(403, status(ScopeApprovalPolicy.comment(actor("aud", "auditor"), "hi")));
    }

    static int status(Verdict v) {
        return v instanceof Verdict.Refused r ? r.status() : 200;
    }
}
