package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.governance.MilestoneState.*;
import static studio.governance.MilestoneTrigger.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence;
import studio.gate.MilestoneScope;

class MilestoneStateTest {

    @Test
    void theTransitionTableHasExactlyTheSpecsEdges() {
        Map<MilestoneState, Map<MilestoneTrigger, MilestoneState>> expected = new EnumMap<>(MilestoneState.class);
        for (MilestoneState s : MilestoneState.values()) expected.put(s, new EnumMap<>(MilestoneTrigger.class));
        expected.get(PLANNED).put(READY, PENDING);
        expected.get(PENDING).put(VERIFY, VERIFYING);
        expected.get(PENDING).put(ESCALATE, ESCALATED);
        expected.get(VERIFYING).put(GATES_SATISFIED, REACHED);
        expected.get(VERIFYING).put(GATE_FAILED, BLOCKED);
        expected.get(BLOCKED).put(RESUME, VERIFYING);
        expected.get(BLOCKED).put(ESCALATE, ESCALATED);
        expected.get(BLOCKED).put(TERMINATE, TERMINATED);
        expected.get(BLOCKED).put(RETRY, VERIFYING);
        expected.get(BLOCKED).put(MAX_RETRIES_EXCEEDED, TERMINATED);
        expected.get(ESCALATED).put(GATES_SATISFIED, REACHED);
        expected.get(ESCALATED).put(FORCE_CLOSE, REACHED);
        expected.get(ESCALATED).put(TERMINATE, TERMINATED);
        expected.get(REACHED).put(PROMOTION_TRIGGERED, REACHED);
        expected.get(REACHED).put(PROMOTION_COMPLETED, CLOSED);
        for (MilestoneState s : MilestoneState.values()) {
            for (MilestoneTrigger t : MilestoneTrigger.values()) {
                assertEquals(Optional.ofNullable(expected.get(s).get(t)), s.next(t), s + " --" + t + "-->");
            }
        }
    }

    @Test
    void eachEdgeEmitsTheSpecsEvent() {
        assertEquals("MilestoneReady", READY.event().eventName());
        assertEquals(null, VERIFY.event());
        assertEquals("MilestoneReached", GATES_SATISFIED.event().eventName());
        assertEquals("MilestoneBlocked", GATE_FAILED.event().eventName());
        assertEquals("MilestoneResumed", RESUME.event().eventName());
        assertEquals("MilestoneEscalated", ESCALATE.event().eventName());
        assertEquals("MilestoneForceClosed", FORCE_CLOSE.event().eventName());
        assertEquals("MilestonePromotionTriggered", PROMOTION_TRIGGERED.event().eventName());
        assertEquals("MilestoneClosed", PROMOTION_COMPLETED.event().eventName());
        assertEquals("MilestoneTerminated", TERMINATE.event().eventName());
        assertEquals("MilestoneResumed", RETRY.event().eventName());
        assertEquals("MilestoneTerminated", MAX_RETRIES_EXCEEDED.event().eventName());
    }

    @Test
    void namesForPeopleAndForJson() {
        assertEquals("Escalated", ESCALATED.label());
        assertEquals("escalated", ESCALATED.json());
        for (MilestoneState s : MilestoneState.values()) assertEquals(s == CLOSED || s == TERMINATED, s.terminal(), s.name());
    }

    @Test
    void readinessComesFromTheGateReportAndTheScope() {
        GateResult failed = new GateResult("qaCoverageAbove", GateStatus.FAILED, 90.0, null, 80.0, "x", List.of(), null, null);
        GateResult pending = new GateResult("traceMatrixComplete", GateStatus.PENDING, null, null, null, "y", List.of(), null, null);
        GateReport report = new GateReport(List.of(failed, pending), 80.0, Map.of(), List.of(), List.of());
        var ev = new MilestoneEvidence("m", List.of(new MilestoneEvidence.SprintFact("s", MilestoneEvidence.SprintState.CLOSED,
                Set.of("m"), Set.of(), null)), null, null, null, null, null, null, null, Instant.EPOCH);
        Readiness readiness = Readiness.of(report, MilestoneScope.of(List.of(), ev));
        assertEquals(new Readiness(GateReport.Outcome.FAILED, true, List.of("qaCoverageAbove")), readiness);
    }

    @Test
    void aWaitForAStateIsSatisfiedOrRuledOutByTheLifecycle() {
        assertEquals(true, CLOSED.satisfies(REACHED), "closed only follows reached");
        assertEquals(false, PENDING.satisfies(REACHED));
        assertEquals(false, BLOCKED.rulesOut(REACHED), "resumed or overridden, it may still be reached");
        assertEquals(false, ESCALATED.rulesOut(REACHED));
        assertEquals(true, TERMINATED.rulesOut(REACHED));
        assertEquals(true, REACHED.rulesOut(BLOCKED), "no edge leads back from reached");
        assertEquals(true, PENDING.rulesOut(PLANNED));
        assertEquals(false, CLOSED.rulesOut(REACHED));
    }
}
