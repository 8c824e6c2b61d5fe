package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.Decision;

class ManualDecisionPolicyTest {

    private static Supplier<Verdict> decide(Actor a, GovernedMilestone m, String gate, String decision, String reason) {
        return () -> ManualDecisionPolicy.decide(a, m, gate, decision, reason, SignOffs.NONE);
    }

    private static Supplier<Verdict> decide(Actor a, String decision, String reason) {
        return decide(a, blocked(), "manualApproval", decision, reason);
    }

    static Stream<Arguments> rows() {
        GovernedMilestone noManual = new GovernedMilestone("mvp-ready", List.of(new GateCondition.AllSprintsClosed("allSprintsClosed")),
                true, null, null, MilestoneState.BLOCKED);
        return Stream.of(
                row("approved", 0, null, decide(PO, "approved", "demo went well")),
                row("conditional", 0, null, decide(PO, "conditional", "fix the retry queue first")),
                row("rejected", 0, null, decide(PO, "rejected", "emails missing")),
                row("letter case does not matter", 0, null, decide(PO, "Approved", "ok")),
                row("a Reached milestone may still record a decision", 0, null, decide(PO, milestone(MilestoneState.REACHED), "manualApproval", "approved", "ok")),
                row("a gate the milestone lacks", 400, "milestone mvp-ready has no manual approval gate 'legalApproval' (its manual gates: manualApproval)",
                        decide(PO, blocked(), "legalApproval", "approved", "ok")),
                row("a gate that is not manual", 400, "milestone mvp-ready has no manual approval gate 'qaCoverageAbove' (its manual gates: manualApproval)",
                        decide(QA, blocked(), "qaCoverageAbove", "approved", "ok")),
                row("a milestone without manual gates", 400, "milestone mvp-ready has no manual approval gate 'manualApproval' (it has none)",
                        decide(PO, noManual, "manualApproval", "approved", "ok")),
                row("someone without the gate's role", 403, "deciding manualApproval needs the role product-owner", decide(QA, "approved", "ok")),
                row("platform-admin does not hold the gate's role", 403, null, decide(ADMIN, "approved", "ok")),
                row("auditor", 403, null, decide(AUDITOR, "approved", "ok")),
                row("a Closed milestone", 409, "milestone mvp-ready is Closed; its gates no longer change",
                        decide(PO, milestone(MilestoneState.CLOSED), "manualApproval", "approved", "ok")),
                row("a Terminated milestone", 409, "milestone mvp-ready is Terminated; its gates no longer change",
                        decide(PO, milestone(MilestoneState.TERMINATED), "manualApproval", "approved", "ok")),
                row("an unknown decision", 400, "decision must be approved, conditional or rejected", decide(PO, "maybe", "ok")),
                row("no decision", 400, "decision must be approved, conditional or rejected", decide(PO, null, "ok")),
                row("approved without reason", 400, "a reason is required", decide(PO, "approved", null)),
                row("conditional without its condition", 400, "a reason is required", decide(PO, "conditional", " ")),
                row("rejected without reason", 400, "a reason is required", decide(PO, "rejected", "")),
                row("wrong role and bad decision is 403", 403, null, decide(QA, "maybe", null)),
                row("closed and bad decision is 409", 409, null, decide(PO, milestone(MilestoneState.CLOSED), "manualApproval", "maybe", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidingAManualGate(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }

    @Test
    void parsesTheThreeDecisions() {
        assertEquals(Optional.of(Decision.APPROVED), ManualDecisionPolicy.parseDecision("approved"));
        assertEquals(Optional.of(Decision.CONDITIONAL), ManualDecisionPolicy.parseDecision(" CONDITIONAL "));
        assertEquals(Optional.of(Decision.REJECTED), ManualDecisionPolicy.parseDecision("Rejected"));
        assertEquals(Optional.empty(), ManualDecisionPolicy.parseDecision("approve"));
        assertEquals(Optional.empty(), ManualDecisionPolicy.parseDecision(""));
        assertEquals(Optional.empty(), ManualDecisionPolicy.parseDecision(null));
    }

    /** Three roles sign off: tech lead (domain-architect), product owner, operations (platform-admin). */
    static final GovernedMilestone SIGN_OFF = new GovernedMilestone("go-live", List.of(
            new GateCondition.ManualApproval("manualApproval", "domain-architect"),
            new GateCondition.ManualApproval("manualApproval", "product-owner"),
            new GateCondition.ManualApproval("manualApproval", "platform-admin")), true, null, null, MilestoneState.VERIFYING);

    @Test
    void severalManualGatesAreNamedByTheirRole() {
        Actor both = actor("lee", "domain-architect", "product-owner");
        assertVerdict(0, null, () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval:product-owner", "approved", "ok", SignOffs.NONE));
        assertVerdict(0, null, () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval: domain-architect", "approved", "ok", SignOffs.NONE));
        assertVerdict(400, "milestone go-live has several manual gates; name the role: manualApproval:domain-architect, "
                + "manualApproval:product-owner, manualApproval:platform-admin",
                () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval", "approved", "ok", SignOffs.NONE));
        assertVerdict(403, "deciding manualApproval:platform-admin needs the role platform-admin",
                () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval:platform-admin", "approved", "ok", SignOffs.NONE));
    }

    @Test
    void onePersonHoldingTwoRolesSignsOffOnlyOnce() {
        Actor both = actor("lee", "domain-architect", "product-owner");
        SignOffs leeSignedAsArchitect = new SignOffs(java.util.Map.of("manualApproval:domain-architect", "lee"), java.util.Map.of());
        assertVerdict(403, "you already signed off the manual gate manualApproval:domain-architect of milestone go-live; "
                + "each sign-off on a milestone must come from a different person",
                () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval:product-owner", "approved", "ok", leeSignedAsArchitect));
        // deciding the same gate again is allowed
        assertVerdict(0, null, () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval:domain-architect", "rejected", "changed my mind",
                leeSignedAsArchitect));
        SignOffs leeApprovedAnOverride = new SignOffs(java.util.Map.of(), java.util.Map.of(4L, java.util.Set.of("lee")));
        assertVerdict(403, "you already signed off override 4 of milestone go-live; each sign-off on a milestone must come from a different person",
                () -> ManualDecisionPolicy.decide(both, SIGN_OFF, "manualApproval:product-owner", "approved", "ok", leeApprovedAnOverride));
    }
}
