package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import studio.gate.GateReport.Outcome;
import studio.governance.MilestoneStimulus.*;

/** Short names for stimuli and gate situations, so lifecycle tables read like the FSM diagram. */
final class LifecycleFixture {

    static final Instant ENTERED = Instant.parse("2025-05-15T10:00:00Z");
    static final long TIMEOUT = 300;

    static final Map<String, MilestoneStimulus> STIMULI = Map.ofEntries(
            Map.entry("evidence", new EvidenceArrived("SprintClosed")),
            Map.entry("evaluate", new EvaluationRequested("po-anna")),
            Map.entry("resume", new Resume("po-anna", "coverage fixed")),
            Map.entry("escalate", new EscalationRequested("po-anna", "needs a decision")),
            Map.entry("request", new OverrideRequested(7, "dev-1")),
            Map.entry("approve", new OverrideDecided(7, true, "qa-lead-2")),
            Map.entry("reject", new OverrideDecided(7, false, "qa-lead-2")),
            Map.entry("force", new ForceClose("po-anna", "accepted risk")),
            Map.entry("terminate", new Terminate("po-anna", "scope dropped")),
            Map.entry("promoted", new PromotionCompleted("mvp-v1")),
            Map.entry("tick-expired", new TimerTick(ENTERED, ENTERED.plusSeconds(TIMEOUT + 1), TIMEOUT)),
            Map.entry("tick-early", new TimerTick(ENTERED, ENTERED.plusSeconds(TIMEOUT), TIMEOUT)));

    /** Gate outcome after the stimulus, and whether the contributing sprints have settled. */
    static final Map<String, Readiness> READINESS = Map.of(
            "passed", new Readiness(Outcome.PASSED, true, List.of()),
            "failed", new Readiness(Outcome.FAILED, true, List.of("qaCoverageAbove")),
            "pending", new Readiness(Outcome.PENDING, false, List.of()),
            "settled", new Readiness(Outcome.PENDING, true, List.of()),
            "overridden", new Readiness(Outcome.PASSED, true, List.of(), true),
            "passedEarly", new Readiness(Outcome.PASSED, false, List.of()),
            "failedEarly", new Readiness(Outcome.FAILED, false, List.of("securityValidated")));

    static final LifecyclePolicy RETRY = new LifecyclePolicy(false, true);

    private LifecycleFixture() {}

    /** "PENDING:MilestoneReady VERIFYING REACHED:MilestoneReached"; also checks each step starts where the last ended. */
    static String render(MilestoneState start, List<Transition> steps) {
        MilestoneState at = start;
        for (Transition t : steps) {
            assertEquals(at, t.from(), "each step starts where the previous ended");
            assertTrue(t.reason() != null && !t.reason().isBlank(), "every step says why");
            at = t.to();
        }
        return steps.stream().map(t -> t.to() + (t.emittedEvent() == null ? "" : ":" + t.emittedEvent().eventName()))
                .collect(Collectors.joining(" "));
    }
}
