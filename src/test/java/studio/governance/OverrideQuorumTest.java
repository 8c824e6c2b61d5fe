package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.OverrideStatus;

/** Who must approve an override: overrideApprovals, the owner of each manual gate it covers, distinct people. */
class OverrideQuorumTest {

    static final Actor QA_1 = actor("qa-1", "qa-lead");
    static final Actor QA_2 = actor("qa-2", "qa-lead");
    static final Actor SEC = actor("sec-1", "security-officer");

    static final List<GateCondition> GATES = List.of(new GateCondition.Coverage("qaCoverageAbove", 90, true),
            new GateCondition.ManualApproval("manualApproval", "security-officer"));

    static GovernedMilestone milestone(Quorum overrideQuorum) {
        return new GovernedMilestone("pay-v2", GATES, true, List.of("qa-lead"), null, MilestoneState.BLOCKED, overrideQuorum, null);
    }

    static OverrideTicket ticket(List<String> gates, Actor... approvedBy) {
        return new OverrideTicket(5, OverrideStatus.REQUESTED, "dev-1", null, null, null, gates,
                java.util.Arrays.stream(approvedBy).map(a -> OverridePolicy.signature(a, NOW)).toList());
    }

    @Test
    void twoApprovalsMeansTwoDifferentPeopleOfTheApprovalRoles() {
        GovernedMilestone m = milestone(Quorum.of(2, List.of("qa-lead")));
        OverrideTicket none = ticket(List.of("qaCoverageAbove"));
        assertFalse(OverridePolicy.approvedWith(m, none, OverridePolicy.signature(QA_1, NOW)), "one of two");
        OverrideTicket one = ticket(List.of("qaCoverageAbove"), QA_1);
        assertVerdict(409, "you already approved override 5; a qa-lead must approve it too",
                () -> OverridePolicy.approve(QA_1, m, one, SignOffs.NONE, "again", NOW));
        assertVerdict(0, null, () -> OverridePolicy.approve(QA_2, m, one, SignOffs.NONE, "second", NOW));
        assertTrue(OverridePolicy.approvedWith(m, one, OverridePolicy.signature(QA_2, NOW)));
    }

    @Test
    void overridingAManualGateNeedsSomeoneHoldingItsRole() {
        GovernedMilestone m = milestone(null);
        OverrideTicket manual = ticket(List.of("manualApproval"), QA_1);
        assertEquals("a security-officer", OverridePolicy.stillNeeded(OverridePolicy.quorum(m, manual), manual));
        assertFalse(OverridePolicy.approvedWith(m, ticket(List.of("manualApproval")), OverridePolicy.signature(QA_1, NOW)),
                "the qa-lead approval alone does not cover a security officer's sign-off");
        assertVerdict(409, "your approval would not count: only a security-officer may still approve it",
                () -> OverridePolicy.approve(QA_2, m, manual, SignOffs.NONE, "me too", NOW));
        assertVerdict(0, null, () -> OverridePolicy.approve(SEC, m, manual, SignOffs.NONE, "accepted", NOW));
        assertTrue(OverridePolicy.approvedWith(m, manual, OverridePolicy.signature(SEC, NOW)));
    }

    @Test
    void oneOfEachRoleNamed() {
        GovernedMilestone m = milestone(Quorum.oneOfEach(List.of("qa-lead", "security-officer")));
        OverrideTicket t = ticket(List.of("qaCoverageAbove"), QA_1);
        assertVerdict(403, "approving an override on pay-v2 needs one of the roles qa-lead, security-officer",
                () -> OverridePolicy.approve(PO, m, t, SignOffs.NONE, "ok", NOW));
        assertTrue(OverridePolicy.approvedWith(m, t, OverridePolicy.signature(SEC, NOW)));
    }

    @Test
    void nobodySignsOffTwiceOnOneMilestone() {
        GovernedMilestone m = milestone(null);
        SignOffs secDecidedTheManualGate = new SignOffs(Map.of("manualApproval:security-officer", "sec-1"), Map.of());
        assertVerdict(403, "you already signed off the manual gate manualApproval:security-officer of milestone pay-v2; "
                + "each sign-off on a milestone must come from a different person",
                () -> OverridePolicy.approve(actor("sec-1", "security-officer", "qa-lead"), m, ticket(List.of("qaCoverageAbove")),
                        secDecidedTheManualGate, "ok", NOW));
        SignOffs qa1ApprovedAnother = new SignOffs(Map.of(), Map.of(3L, Set.of("qa-1"), 5L, Set.of()));
        assertVerdict(403, "you already signed off override 3 of milestone pay-v2; each sign-off on a milestone must come from a different person",
                () -> OverridePolicy.approve(QA_1, m, ticket(List.of("qaCoverageAbove")), qa1ApprovedAnother, "ok", NOW));
        assertVerdict(0, null, () -> OverridePolicy.approve(QA_2, m, ticket(List.of("qaCoverageAbove")), qa1ApprovedAnother, "ok", NOW));
    }

    @Test
    void aRequestStoresGateNamesPeopleUse() {
        GovernedMilestone two = new GovernedMilestone("go-live", List.of(new GateCondition.ManualApproval("manualApproval", "product-owner"),
                new GateCondition.ManualApproval("manualApproval", "platform-admin")), true, null, null, MilestoneState.BLOCKED);
        assertEquals(List.of("manualApproval:product-owner"), OverridePolicy.canonical(two, List.of("manualApproval: product-owner")));
        assertEquals(List.of("manualApproval"), OverridePolicy.canonical(milestone(null), List.of("manualApproval:security-officer")));
    }
}
