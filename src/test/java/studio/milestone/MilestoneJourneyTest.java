package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import studio.gate.EvidenceRef;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence;
import studio.gate.MilestoneEvidence.CoverageFact;
import studio.gate.MilestoneEvidence.SprintFact;
import studio.gate.MilestoneEvidence.SprintState;
import studio.gate.MilestoneEvidence.TraceFact;
import studio.governance.LifecyclePolicy;
import studio.governance.MilestoneLifecycle;
import studio.governance.MilestoneState;
import studio.governance.MilestoneStimulus.EvidenceArrived;
import studio.governance.Readiness;
import studio.governance.Transition;

/** The spec's mvp-ready milestone driven through the real gate engine and lifecycle, as the shell would. */
class MilestoneJourneyTest {

    private static final List<String> REQUIRED = List.of("BookingFlow", "Notification.Email.Send");
    private static final List<GateCondition> GATES = List.of(new GateCondition.AllSprintsClosed("allSprintsClosed"),
            new GateCondition.Coverage("qaCoverageAbove", 90, true), new GateCondition.TraceMatrixComplete("traceMatrixComplete"));
    private static final MilestoneLifecycle LIFECYCLE = new MilestoneLifecycle(new LifecyclePolicy(true, true));

    private final Map<String, SprintFact> sprints = new HashMap<>();
    private final Map<String, CoverageFact> coverage = new HashMap<>();
    private final Map<String, List<TraceFact>> traces = new HashMap<>();
    private MilestoneState state = MilestoneState.PLANNED;
    private final List<String> events = new ArrayList<>();
    private long ref = 1;

    private void arrive(String kind) {
        var ev = new MilestoneEvidence("mvp-ready", List.copyOf(sprints.values()), coverage, traces, Map.of(), Map.of(), List.of(),
                Map.of(), Set.of(), Instant.parse("2025-05-15T12:00:00Z"));
        List<Transition> steps = LIFECYCLE.react(state, new EvidenceArrived(kind), Readiness.assess(REQUIRED, GATES, ev));
        for (Transition t : steps) {
            state = t.to();
            if (t.emittedEvent() != null) events.add(t.emittedEvent().eventName());
        }
    }

    private void sprint(String id, SprintState s, String feature) {
        sprints.put(id, new SprintFact(id, s, Set.of("mvp-ready"), Set.of(feature), new EvidenceRef("event", ref++)));
        arrive("Sprint" + s.label());
    }

    private void qaAndTrace(String sprint, String feature, double percent, int tests) {
        coverage.put(feature, new CoverageFact(feature, percent, tests, sprint, null, new EvidenceRef("qa-report", ref++)));
        traces.put(feature, List.of(new TraceFact(feature, sprint, tests, 2, new EvidenceRef("trace-matrix", ref++))));
        arrive("qa-report");
    }

    @Test
    void evidenceBeforeTheLastClosureReachesTheMilestoneDirectly() {
        arrive("MilestonePlanned");
        assertEquals(MilestoneState.PENDING, state);
        sprint("sprint-2025-06-core", SprintState.ACTIVE, "BookingFlow");
        sprint("sprint-2025-06-comm", SprintState.ACTIVE, "Notification.Email.Send");
        qaAndTrace("sprint-2025-06-core", "BookingFlow", 93.1, 17);
        sprint("sprint-2025-06-core", SprintState.CLOSED, "BookingFlow");
        assertEquals(MilestoneState.PENDING, state, "still waiting for the comm sprint");
        qaAndTrace("sprint-2025-06-comm", "Notification.Email.Send", 89.6, 18);
        sprint("sprint-2025-06-comm", SprintState.CLOSED, "Notification.Email.Send");
        assertEquals(MilestoneState.REACHED, state);
        assertEquals(List.of("MilestoneReady", "MilestoneReached", "MilestonePromotionTriggered"), events);
    }

    @Test
    void aLowQaReportBlocksAndACorrectedOneResumesToReached() {
        arrive("MilestonePlanned");
        sprint("sprint-2025-06-core", SprintState.CLOSED, "BookingFlow");
        qaAndTrace("sprint-2025-06-core", "BookingFlow", 93.1, 17);
        qaAndTrace("sprint-2025-06-comm", "Notification.Email.Send", 70.0, 18);
        sprint("sprint-2025-06-comm", SprintState.CLOSED, "Notification.Email.Send");
        assertEquals(MilestoneState.BLOCKED, state);
        qaAndTrace("sprint-2025-06-comm", "Notification.Email.Send", 89.6, 18);
        assertEquals(MilestoneState.REACHED, state);
        assertEquals("MilestoneReady MilestoneBlocked MilestoneResumed MilestoneReached MilestonePromotionTriggered",
                events.stream().collect(Collectors.joining(" ")));
    }

    @Test
    void aBlockedSprintBlocksTheMilestoneAtOnce() {
        arrive("MilestonePlanned");
        sprint("sprint-2025-06-core", SprintState.ACTIVE, "BookingFlow");
        sprint("sprint-2025-06-comm", SprintState.BLOCKED, "Notification.Email.Send");
        assertEquals(MilestoneState.BLOCKED, state);
    }
}
