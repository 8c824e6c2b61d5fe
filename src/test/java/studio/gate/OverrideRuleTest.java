package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.gate.EvidenceFixture.NOW;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.gate.MilestoneEvidence.SprintState;

class OverrideRuleTest {

    private static final GateCondition NONE_ACTIVE = new GateCondition.NoManualOverridesActive("noManualOverridesActive");
    private static final GateCondition TRACE = new GateCondition.TraceMatrixComplete("traceMatrixComplete");
    private static final GateCondition COVERAGE = new GateCondition.Coverage("qaCoverageAbove", 90, true);
    private static final List<String> REQUIRED = List.of("BookingFlow");

    @Test
    void noActiveOverridePasses() {
        assertResult(GateStatus.PASSED, "no active override", evaluateOne(REQUIRED, NONE_ACTIVE, evidence().build()));
    }

    @Test
    void anApprovedOverrideFailsItNamingItsGatesAndApprover() {
        var ev = evidence().override(7, OverrideStatus.APPROVED, null, "traceMatrixComplete", "qaCoverageAbove").build();
        assertResult(GateStatus.FAILED, "override 7 on traceMatrixComplete, qaCoverageAbove approved by qa-lead-2", evaluateOne(REQUIRED, NONE_ACTIVE, ev));
    }

    @Test
    void anApprovedOverrideWithAFutureExpiryIsActiveUntilThen() {
        var ev = evidence().override(7, OverrideStatus.APPROVED, NOW.plusSeconds(1), "traceMatrixComplete").build();
        assertResult(GateStatus.FAILED, "override 7 on traceMatrixComplete approved by qa-lead-2 until 2025-05-15T12:00:01Z",
                evaluateOne(REQUIRED, NONE_ACTIVE, ev));
    }

    @Test
    void anOverrideExpiringExactlyNowIsNoLongerActive() {
        var ev = evidence().override(7, OverrideStatus.APPROVED, NOW, "traceMatrixComplete").build();
        assertEquals(GateStatus.PASSED, evaluateOne(REQUIRED, NONE_ACTIVE, ev).status());
    }

    @ParameterizedTest
    @EnumSource(value = OverrideStatus.class, names = {"REQUESTED", "REJECTED", "REVOKED"})
    void overridesThatAreNotApprovedAreNotActive(OverrideStatus status) {
        var ev = evidence().override(7, status, null, "traceMatrixComplete").build();
        assertEquals(GateStatus.PASSED, evaluateOne(REQUIRED, NONE_ACTIVE, ev).status());
        assertEquals(GateStatus.PENDING, evaluateOne(REQUIRED, TRACE, ev).status(), "and they cover nothing");
    }

    @Test
    void severalActiveOverridesAreAllNamedInIdOrder() {
        var ev = evidence().override(9, OverrideStatus.APPROVED, null, "b").override(3, OverrideStatus.APPROVED, null, "a").build();
        var result = evaluateOne(REQUIRED, NONE_ACTIVE, ev);
        assertEquals("override 3 on a approved by qa-lead-2; override 9 on b approved by qa-lead-2", result.detail());
        assertEquals(2, result.evidence().size());
    }

    @Test
    void aFailedGateNamedByAnActiveOverrideIsOverriddenAndKeepsItsDetail() {
        EvidenceFixture fixture = evidence().coverage("BookingFlow", 80.0, 2);
        EvidenceRef coverageRef = fixture.lastRef();
        fixture.override(7, OverrideStatus.APPROVED, null, "qaCoverageAbove");
        EvidenceRef overrideRef = fixture.lastRef();
        GateResult result = evaluateOne(REQUIRED, COVERAGE, fixture.build());
        assertResult(GateStatus.OVERRIDDEN, "BookingFlow 80.0% is below 90; aggregate 80.0% is below 90", result);
        assertEquals(7L, result.overrideId());
        assertEquals("qa-lead-2", result.overriddenBy());
        assertEquals(80.0, result.actual());
        assertEquals(List.of(coverageRef, overrideRef), result.evidence());
    }

    @Test
    void aPendingGateNamedByAnActiveOverrideIsOverridden() {
        var ev = evidence().sprint("s1", SprintState.ACTIVE, "BookingFlow").override(4, OverrideStatus.APPROVED, null, "traceMatrixComplete").build();
        GateResult result = evaluateOne(REQUIRED, TRACE, ev);
        assertResult(GateStatus.OVERRIDDEN, "no trace matrix received yet", result);
        assertEquals(4L, result.overrideId());
    }

    @Test
    void aPassingGateStaysPassedEvenIfAnOverrideNamesIt() {
        var ev = evidence().coverage("BookingFlow", 95.0, 2).override(7, OverrideStatus.APPROVED, null, "qaCoverageAbove").build();
        GateResult result = evaluateOne(REQUIRED, COVERAGE, ev);
        assertEquals(GateStatus.PASSED, result.status());
        assertNull(result.overrideId());
    }

    @Test
    void anExpiredOverrideNoLongerCoversItsGate() {
        var ev = evidence().coverage("BookingFlow", 80.0, 2).override(7, OverrideStatus.APPROVED, NOW.minusSeconds(1), "qaCoverageAbove").build();
        assertEquals(GateStatus.FAILED, evaluateOne(REQUIRED, COVERAGE, ev).status());
    }

    @Test
    void anOverrideCoversOnlyTheGatesItNames() {
        var ev = evidence().coverage("BookingFlow", 80.0, 2).override(7, OverrideStatus.APPROVED, null, "traceMatrixComplete").build();
        assertEquals(GateStatus.FAILED, evaluateOne(REQUIRED, COVERAGE, ev).status());
    }

    @Test
    void noManualOverridesActiveIsCoveredOnlyByAnOverrideThatNamesIt() {
        var named = evidence().override(7, OverrideStatus.APPROVED, null, "qaCoverageAbove", "noManualOverridesActive").build();
        GateResult covered = evaluateOne(REQUIRED, NONE_ACTIVE, named);
        assertEquals(GateStatus.OVERRIDDEN, covered.status(), "naming it is the deliberate, visible bypass of 'no overrides'");
        assertEquals(7L, covered.overrideId());
        var unnamed = evidence().override(7, OverrideStatus.APPROVED, null, "qaCoverageAbove").build();
        assertEquals(GateStatus.FAILED, evaluateOne(REQUIRED, NONE_ACTIVE, unnamed).status());
    }

    @Test
    void theLowestNumberedActiveOverrideIsTheOneShown() {
        var ev = evidence().coverage("BookingFlow", 80.0, 2)
                .override(12, OverrideStatus.APPROVED, null, "qaCoverageAbove").override(5, OverrideStatus.APPROVED, null, "qaCoverageAbove").build();
        assertEquals(5L, evaluateOne(REQUIRED, COVERAGE, ev).overrideId());
    }

    @Test
    void overriddenGatesSatisfyTheMilestoneButTheOverrideGateHoldsItBack() {
        var ev = evidence().coverage("BookingFlow", 80.0, 2).override(7, OverrideStatus.APPROVED, null, "qaCoverageAbove").build();
        GateReport withoutGuard = GateEngine.evaluate(REQUIRED, List.of(COVERAGE), ev);
        assertEquals(GateReport.Outcome.PASSED, withoutGuard.outcome());
        assertTrue(withoutGuard.gatesPassed().contains("qaCoverageAbove"));
        GateReport guarded = GateEngine.evaluate(REQUIRED, List.of(COVERAGE, NONE_ACTIVE), ev);
        assertEquals(GateReport.Outcome.FAILED, guarded.outcome());
    }
}
