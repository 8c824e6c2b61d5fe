package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneState;
import studio.governance.OverrideTicket;
import studio.governance.SignOffs;

/** Which controls each person sees: exactly what the server's policies would let them do in the milestone's state. */
class ControlPanelTest {

    static final Instant NOW = Instant.parse("2025-05-15T12:00:00Z");
    static final List<GateCondition> GATES = List.of(
            new GateCondition.Coverage("qaCoverageAbove", 90, true),
            new GateCondition.Signal("securityValidated", null, null),
            new GateCondition.NoManualOverridesActive("noManualOverridesActive"),
            new GateCondition.ManualApproval("manualApproval", "security-officer"),
            new GateCondition.AllSprintsClosed("allSprintsClosed"));
    static final GateReport REPORT = new GateReport(List.of(
            result("qaCoverageAbove", GateStatus.FAILED),
            result("securityValidated", GateStatus.PENDING),
            result("noManualOverridesActive", GateStatus.PASSED),
            result("manualApproval", GateStatus.PENDING),
            result("allSprintsClosed", GateStatus.PASSED)), 88.0, Map.of(), List.of(), List.of());

    static final Actor QA = actor("qa-lead", "qa-lead");
    static final Actor QA2 = actor("qa-lead-2", "qa-lead");
    static final Actor PO = actor("product-owner", "product-owner");
    static final Actor SECURITY = actor("security-officer", "security-officer");
    static final Actor ADMIN = actor("platform-admin", "platform-admin");
    static final Actor AUDITOR = actor("auditor", "auditor");
    static final Actor CI = actor("ci", "ci");

    static Actor actor(String name, String... roles) {
        return new Actor(name, Set.of(roles));
    }

    /** As the engine reports it: a manual gate's result carries its role. */
    static GateResult result(String gate, GateStatus status) {
        return new GateResult(gate, status, null, gate.equals("manualApproval") ? "security-officer" : null, null, "", List.of(), null, null);
    }

    static GovernedMilestone milestone(MilestoneState state) {
        return new GovernedMilestone("mvp-ready", GATES, true, List.of("qa-lead"), "product-owner", state);
    }

    static OverrideTicket ticket(long id, OverrideStatus status, Instant expires) {
        return new OverrideTicket(id, status, "qa-lead", status == OverrideStatus.REQUESTED ? null : "qa-lead-2",
                status == OverrideStatus.REQUESTED ? null : NOW.minusSeconds(60), expires);
    }

    static ControlPanel panel(Actor actor, MilestoneState state, OverrideTicket... tickets) {
        return ControlPanel.of(actor, milestone(state), REPORT, List.of(tickets), SignOffs.NONE, List.of(), null, NOW);
    }

    @Test
    void anAuditorAndAServiceAccountSeeNoControlAtAll() {
        OverrideTicket requested = ticket(1, OverrideStatus.REQUESTED, null);
        for (Actor readOnly : List.of(AUDITOR, CI)) {
            ControlPanel p = panel(readOnly, MilestoneState.BLOCKED, requested);
            assertAll(readOnly.name(), () -> assertFalse(p.any()), () -> assertFalse(p.on(1L).any()),
                    () -> assertEquals(List.of(), p.overridableGates()));
        }
    }

    @Test
    void aQaLeadOnABlockedMilestoneMayEvaluateResumeAndRequestButNotGovern() {
        ControlPanel p = panel(QA, MilestoneState.BLOCKED);
        assertAll(() -> assertTrue(p.evaluate()), () -> assertTrue(p.resume()),
                () -> assertFalse(p.escalate(), "escalating needs the governing role"),
                () -> assertFalse(p.terminate()), () -> assertFalse(p.forceClose()),
                () -> assertEquals(List.of("qaCoverageAbove", "securityValidated", "noManualOverridesActive", "manualApproval"), p.overridableGates(),
                        "failed and pending gates, and noManualOverridesActive (naming it is the deliberate bypass); never a passing one"),
                () -> assertEquals(List.of(), p.decidableGates(), "the manual gate names security-officer"));
    }

    @Test
    void theGoverningRoleEscalatesAndTerminatesABlockedMilestoneAndForceClosesOnlyOnceEscalated() {
        ControlPanel blocked = panel(PO, MilestoneState.BLOCKED);
        ControlPanel escalated = panel(PO, MilestoneState.ESCALATED);
        assertAll(() -> assertTrue(blocked.escalate()), () -> assertTrue(blocked.terminate()), () -> assertFalse(blocked.forceClose()),
                () -> assertFalse(escalated.escalate()), () -> assertTrue(escalated.forceClose()), () -> assertTrue(escalated.terminate()),
                () -> assertFalse(escalated.resume(), "resume needs Blocked"),
                () -> assertTrue(panel(ADMIN, MilestoneState.ESCALATED).forceClose(), "platform-admin governs every milestone"),
                () -> assertFalse(panel(QA, MilestoneState.ESCALATED).forceClose()));
    }

    @Test
    void theRequesterNeverGetsAnApproveButtonAnotherApproverDoes() {
        OverrideTicket requested = ticket(1, OverrideStatus.REQUESTED, null);
        assertAll(
                () -> assertEquals(new ControlPanel.OverrideControls(false, false, false), panel(QA, MilestoneState.ESCALATED, requested).on(1L)),
                () -> assertEquals(new ControlPanel.OverrideControls(true, true, false), panel(QA2, MilestoneState.ESCALATED, requested).on(1L)),
                () -> assertFalse(panel(PO, MilestoneState.ESCALATED, requested).on(1L).any(), "product-owner is not an approval role here"),
                () -> assertFalse(panel(SECURITY, MilestoneState.ESCALATED, requested).on(1L).approve()));
    }

    @Test
    void anExpiredRequestCanStillBeRejectedButNotApproved() {
        OverrideTicket expired = ticket(2, OverrideStatus.REQUESTED, NOW.minusSeconds(1));
        assertEquals(new ControlPanel.OverrideControls(false, true, false), panel(QA2, MilestoneState.ESCALATED, expired).on(2L));
    }

    @Test
    void onlyTheGovernorsRevokeAndOnlyAnApprovedOverride() {
        OverrideTicket approved = ticket(3, OverrideStatus.APPROVED, null);
        OverrideTicket rejected = ticket(4, OverrideStatus.REJECTED, null);
        assertAll(() -> assertTrue(panel(PO, MilestoneState.VERIFYING, approved).on(3L).revoke()),
                () -> assertTrue(panel(ADMIN, MilestoneState.VERIFYING, approved).on(3L).revoke()),
                () -> assertFalse(panel(QA2, MilestoneState.VERIFYING, approved).on(3L).revoke()),
                () -> assertFalse(panel(PO, MilestoneState.VERIFYING, rejected).on(4L).any()),
                () -> assertFalse(panel(QA2, MilestoneState.VERIFYING, approved).on(3L).approve(), "already decided"));
    }

    @Test
    void aManualGateIsOfferedToItsRoleUntilItPasses() {
        GateReport passed = new GateReport(List.of(result("manualApproval", GateStatus.PASSED)), null, Map.of(), List.of(), List.of());
        assertAll(() -> assertEquals(List.of("manualApproval"), panel(SECURITY, MilestoneState.VERIFYING).decidableGates()),
                () -> assertEquals(List.of(), ControlPanel.of(SECURITY, milestone(MilestoneState.VERIFYING), passed, List.of(), SignOffs.NONE, List.of(), null, NOW).decidableGates()),
                () -> assertFalse(panel(SECURITY, MilestoneState.VERIFYING).evaluate(), "security-officer does not evaluate"));
    }

    @Test
    void promotionIsOfferedToAProductOwnerOrPlatformAdminOnlyOnceReachedOrClosed() {
        assertAll(() -> assertTrue(panel(PO, MilestoneState.REACHED).promote()),
                () -> assertTrue(panel(ADMIN, MilestoneState.CLOSED).promote()),
                () -> assertFalse(panel(QA, MilestoneState.REACHED).promote(), "qa-lead does not promote"),
                () -> assertFalse(panel(SECURITY, MilestoneState.CLOSED).promote(), "security-officer does not promote"),
                () -> assertFalse(panel(AUDITOR, MilestoneState.REACHED).promote(), "auditor is read-only"),
                () -> assertFalse(panel(PO, MilestoneState.ESCALATED).promote(), "not yet reached"),
                () -> assertFalse(panel(ADMIN, MilestoneState.TERMINATED).promote(), "terminated is never released"));
    }

    @Test
    void aTerminalMilestoneOffersNothingToChange() {
        for (MilestoneState state : List.of(MilestoneState.CLOSED, MilestoneState.TERMINATED)) {
            ControlPanel p = panel(ADMIN, state, ticket(5, OverrideStatus.APPROVED, null));
            assertAll(state.label(), () -> assertFalse(p.lifecycle()), () -> assertEquals(List.of(), p.overridableGates()),
                    () -> assertFalse(p.markCriteria()));
        }
        assertFalse(panel(SECURITY, MilestoneState.CLOSED).decidableGates().contains("manualApproval"));
    }

    @Test
    void aReachedMilestoneCanBeEvaluatedButNoLongerOverridden() {
        ControlPanel p = panel(QA, MilestoneState.REACHED);
        assertAll(() -> assertTrue(p.evaluate()), () -> assertFalse(p.resume()), () -> assertEquals(List.of(), p.overridableGates()));
    }

    @Test
    void aMilestoneThatForbidsOverridesOffersNoOverrideRequest() {
        GovernedMilestone strict = new GovernedMilestone("strict", GATES, false, List.of("qa-lead"), "product-owner", MilestoneState.BLOCKED);
        assertEquals(List.of(), ControlPanel.of(QA, strict, REPORT, List.of(), SignOffs.NONE, List.of(), null, NOW).overridableGates());
    }
}
