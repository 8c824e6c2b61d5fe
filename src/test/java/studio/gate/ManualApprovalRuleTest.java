package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.Decision;

class ManualApprovalRuleTest {

    private static final GateCondition.ManualApproval GATE = new GateCondition.ManualApproval("manualApproval", "product-owner");

    @Test
    void pendingUntilSomeoneHoldingTheRoleDecides() {
        GateResult result = evaluateOne(List.of(), GATE, evidence().build());
        assertResult(GateStatus.PENDING, "awaiting product-owner", result);
        assertEquals("product-owner", result.role());
        assertNull(result.threshold());
    }

    @Test
    void approvedPassesNamingWhoAndWhy() {
        EvidenceFixture fixture = evidence().approval("product-owner", Decision.APPROVED, "po-anna", "demo went well");
        GateResult result = evaluateOne(List.of(), GATE, fixture.build());
        assertResult(GateStatus.PASSED, "approved by po-anna: demo went well", result);
        assertEquals(List.of(fixture.lastRef()), result.evidence());
    }

    @Test
    void rejectedFails() {
        var ev = evidence().approval("product-owner", Decision.REJECTED, "po-anna", "booking emails missing").build();
        assertResult(GateStatus.FAILED, "rejected by po-anna: booking emails missing", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void conditionalStaysPendingWithTheConditionShown() {
        var ev = evidence().approval("product-owner", Decision.CONDITIONAL, "po-anna", "fix the retry queue first").build();
        assertResult(GateStatus.PENDING, "conditionally approved by po-anna: fix the retry queue first", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void aDecisionByAnotherRoleDoesNotCount() {
        var ev = evidence().approval("qa-lead", Decision.APPROVED, "qa-lead-2", "fine").build();
        assertResult(GateStatus.PENDING, "awaiting product-owner", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void aDecisionWithoutReasonIsShownWithoutOne() {
        var ev = evidence().approval("product-owner", Decision.APPROVED, "po-anna", " ").build();
        assertResult(GateStatus.PASSED, "approved by po-anna", evaluateOne(List.of(), GATE, ev));
    }
}
