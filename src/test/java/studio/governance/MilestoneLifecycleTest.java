package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.governance.LifecycleFixture.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.governance.MilestoneStimulus.*;

class MilestoneLifecycleTest {

    private static String react(LifecyclePolicy policy, MilestoneState state, String stimulus, String readiness) {
        var steps = new MilestoneLifecycle(policy).react(state, STIMULI.get(stimulus), READINESS.get(readiness));
        return render(state, steps);
    }

    private static String reactOrRefuse(MilestoneState state, String stimulus, String readiness) {
        try {
            return react(RETRY, state, stimulus, readiness);
        } catch (IllegalTransitionException e) {
            return "!" + e.getMessage();
        }
    }

    /** Every state with every stimulus; a leading '!' is the refusal message. Policy: retryOnFailure, no autoPromotion. */
    @ParameterizedTest(name = "{0} + {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        // Planned: any evidence starts tracking; verification follows when due
        "PLANNED    | evidence     | pending     | PENDING:MilestoneReady",
        "PLANNED    | evidence     | settled     | PENDING:MilestoneReady VERIFYING",
        "PLANNED    | evidence     | passed      | PENDING:MilestoneReady VERIFYING REACHED:MilestoneReached",
        "PLANNED    | evidence     | failed      | PENDING:MilestoneReady VERIFYING BLOCKED:MilestoneBlocked",
        "PLANNED    | evidence     | passedEarly | PENDING:MilestoneReady VERIFYING REACHED:MilestoneReached",
        "PLANNED    | evidence     | failedEarly | PENDING:MilestoneReady",
        "PLANNED    | evaluate     | pending     | PENDING:MilestoneReady VERIFYING",
        "PLANNED    | evaluate     | failedEarly | PENDING:MilestoneReady VERIFYING BLOCKED:MilestoneBlocked",
        "PLANNED    | resume       | failed      | !resume needs the milestone Blocked; it is Planned",
        "PLANNED    | escalate     | failed      | !escalation needs the milestone Blocked; it is Planned",
        "PLANNED    | request      | pending     | none",
        "PLANNED    | approve      | pending     | PENDING:MilestoneReady",
        "PLANNED    | approve      | passedEarly | PENDING:MilestoneReady VERIFYING REACHED:MilestoneReached",
        "PLANNED    | reject       | passed      | none",
        "PLANNED    | force        | failed      | !force close needs the milestone Escalated; it is Planned",
        "PLANNED    | terminate    | failed      | !termination needs the milestone Blocked or Escalated; it is Planned",
        "PLANNED    | promoted     | passed      | !promotion completed needs the milestone Reached; it is Planned",
        "PLANNED    | tick-expired | pending     | none",
        "PLANNED    | tick-early   | passed      | none",
        // Pending: waits for the sprints to settle
        "PENDING    | evidence     | pending     | none",
        "PENDING    | evidence     | settled     | VERIFYING",
        "PENDING    | evidence     | passed      | VERIFYING REACHED:MilestoneReached",
        "PENDING    | evidence     | failed      | VERIFYING BLOCKED:MilestoneBlocked",
        "PENDING    | evidence     | passedEarly | VERIFYING REACHED:MilestoneReached",
        "PENDING    | evidence     | failedEarly | none",
        "PENDING    | evaluate     | pending     | VERIFYING",
        "PENDING    | evaluate     | passedEarly | VERIFYING REACHED:MilestoneReached",
        "PENDING    | evaluate     | failedEarly | VERIFYING BLOCKED:MilestoneBlocked",
        "PENDING    | resume       | failed      | !resume needs the milestone Blocked; it is Pending",
        "PENDING    | escalate     | failed      | !escalation needs the milestone Blocked; it is Pending",
        "PENDING    | request      | pending     | none",
        "PENDING    | approve      | pending     | none",
        "PENDING    | approve      | passedEarly | VERIFYING REACHED:MilestoneReached",
        "PENDING    | reject       | passed      | none",
        "PENDING    | force        | failed      | !force close needs the milestone Escalated; it is Pending",
        "PENDING    | terminate    | failed      | !termination needs the milestone Blocked or Escalated; it is Pending",
        "PENDING    | promoted     | passed      | !promotion completed needs the milestone Reached; it is Pending",
        "PENDING    | tick-expired | pending     | none",
        "PENDING    | tick-early   | pending     | none",
        // Verifying: decided as soon as the gates are
        "VERIFYING  | evidence     | pending     | none",
        "VERIFYING  | evidence     | passed      | REACHED:MilestoneReached",
        "VERIFYING  | evidence     | failed      | BLOCKED:MilestoneBlocked",
        "VERIFYING  | evaluate     | pending     | none",
        "VERIFYING  | evaluate     | passed      | REACHED:MilestoneReached",
        "VERIFYING  | evaluate     | failed      | BLOCKED:MilestoneBlocked",
        "VERIFYING  | resume       | failed      | !resume needs the milestone Blocked; it is Verifying",
        "VERIFYING  | escalate     | failed      | !escalation needs the milestone Blocked; it is Verifying",
        "VERIFYING  | request      | pending     | none",
        "VERIFYING  | approve      | passed      | REACHED:MilestoneReached",
        "VERIFYING  | approve      | pending     | none",
        "VERIFYING  | reject       | failed      | none",
        "VERIFYING  | force        | failed      | !force close needs the milestone Escalated; it is Verifying",
        "VERIFYING  | terminate    | failed      | !termination needs the milestone Blocked or Escalated; it is Verifying",
        "VERIFYING  | promoted     | passed      | !promotion completed needs the milestone Reached; it is Verifying",
        "VERIFYING  | tick-expired | pending     | BLOCKED:MilestoneBlocked",
        "VERIFYING  | tick-expired | passed      | REACHED:MilestoneReached",
        "VERIFYING  | tick-early   | pending     | none",
        "VERIFYING  | tick-early   | failed      | BLOCKED:MilestoneBlocked",
        "VERIFYING  | tick-early   | passed      | REACHED:MilestoneReached",
        // Blocked: retry, resume, escalate or terminate
        "BLOCKED    | evidence     | failed      | none",
        "BLOCKED    | evidence     | pending     | VERIFYING:MilestoneResumed",
        "BLOCKED    | evidence     | passed      | VERIFYING:MilestoneResumed REACHED:MilestoneReached",
        "BLOCKED    | evaluate     | failed      | VERIFYING:MilestoneResumed BLOCKED:MilestoneBlocked",
        "BLOCKED    | evaluate     | pending     | VERIFYING:MilestoneResumed",
        "BLOCKED    | evaluate     | passed      | VERIFYING:MilestoneResumed REACHED:MilestoneReached",
        "BLOCKED    | resume       | failed      | VERIFYING:MilestoneResumed BLOCKED:MilestoneBlocked",
        "BLOCKED    | resume       | pending     | VERIFYING:MilestoneResumed",
        "BLOCKED    | resume       | passed      | VERIFYING:MilestoneResumed REACHED:MilestoneReached",
        "BLOCKED    | escalate     | failed      | ESCALATED:MilestoneEscalated",
        "BLOCKED    | request      | failed      | ESCALATED:MilestoneEscalated",
        "BLOCKED    | approve      | passed      | VERIFYING:MilestoneResumed REACHED:MilestoneReached",
        "BLOCKED    | approve      | failed      | none",
        "BLOCKED    | reject       | passed      | none",
        "BLOCKED    | force        | failed      | !force close needs the milestone Escalated; it is Blocked",
        "BLOCKED    | terminate    | failed      | TERMINATED:MilestoneTerminated",
        "BLOCKED    | promoted     | passed      | !promotion completed needs the milestone Reached; it is Blocked",
        "BLOCKED    | tick-expired | failed      | ESCALATED:MilestoneEscalated",
        "BLOCKED    | tick-early   | failed      | none",
        // Escalated: people decide
        "ESCALATED  | evidence     | failed      | none",
        "ESCALATED  | evidence     | passed      | REACHED:MilestoneReached",
        "ESCALATED  | evaluate     | failed      | none",
        "ESCALATED  | evaluate     | passed      | REACHED:MilestoneReached",
        "ESCALATED  | resume       | failed      | !resume needs the milestone Blocked; it is Escalated",
        "ESCALATED  | escalate     | failed      | !escalation needs the milestone Blocked; it is Escalated",
        "ESCALATED  | request      | failed      | none",
        "ESCALATED  | approve      | passed      | REACHED:MilestoneReached",
        "ESCALATED  | approve      | overridden  | REACHED:MilestoneForceClosed",
        "ESCALATED  | evidence     | overridden  | REACHED:MilestoneForceClosed",
        "VERIFYING  | evidence     | overridden  | REACHED:MilestoneReached",
        "ESCALATED  | approve      | failed      | none",
        "ESCALATED  | reject       | passed      | none",
        "ESCALATED  | force        | failed      | REACHED:MilestoneForceClosed",
        "ESCALATED  | terminate    | failed      | TERMINATED:MilestoneTerminated",
        "ESCALATED  | promoted     | passed      | !promotion completed needs the milestone Reached; it is Escalated",
        "ESCALATED  | tick-expired | failed      | none",
        "ESCALATED  | tick-early   | passed      | REACHED:MilestoneReached",
        // Reached: waits for promotion
        "REACHED    | evidence     | failed      | none",
        "REACHED    | evaluate     | failed      | none",
        "REACHED    | resume       | failed      | !resume needs the milestone Blocked; it is Reached",
        "REACHED    | escalate     | failed      | !escalation needs the milestone Blocked; it is Reached",
        "REACHED    | request      | failed      | !an override request needs a milestone not yet Reached; it is Reached",
        "REACHED    | approve      | passed      | none",
        "REACHED    | reject       | passed      | none",
        "REACHED    | force        | passed      | !force close needs the milestone Escalated; it is Reached",
        "REACHED    | terminate    | passed      | !termination needs the milestone Blocked or Escalated; it is Reached",
        "REACHED    | promoted     | passed      | CLOSED:MilestoneClosed",
        "REACHED    | tick-expired | failed      | none",
        "REACHED    | tick-early   | failed      | none",
        // Closed and Terminated: terminal
        "CLOSED     | evidence     | failed      | none",
        "CLOSED     | evaluate     | passed      | !evaluation needs an open milestone; it is Closed",
        "CLOSED     | resume       | failed      | !resume needs the milestone Blocked; it is Closed",
        "CLOSED     | escalate     | failed      | !escalation needs the milestone Blocked; it is Closed",
        "CLOSED     | request      | failed      | !an override request needs a milestone not yet Reached; it is Closed",
        "CLOSED     | approve      | passed      | !an override decision needs an open milestone; it is Closed",
        "CLOSED     | reject       | passed      | !an override decision needs an open milestone; it is Closed",
        "CLOSED     | force        | passed      | !force close needs the milestone Escalated; it is Closed",
        "CLOSED     | terminate    | passed      | !termination needs the milestone Blocked or Escalated; it is Closed",
        "CLOSED     | promoted     | passed      | none",
        "CLOSED     | tick-expired | failed      | none",
        "CLOSED     | tick-early   | failed      | none",
        "TERMINATED | evidence     | passed      | none",
        "TERMINATED | evaluate     | passed      | !evaluation needs an open milestone; it is Terminated",
        "TERMINATED | resume       | passed      | !resume needs the milestone Blocked; it is Terminated",
        "TERMINATED | escalate     | failed      | !escalation needs the milestone Blocked; it is Terminated",
        "TERMINATED | request      | failed      | !an override request needs a milestone not yet Reached; it is Terminated",
        "TERMINATED | approve      | passed      | !an override decision needs an open milestone; it is Terminated",
        "TERMINATED | reject       | passed      | !an override decision needs an open milestone; it is Terminated",
        "TERMINATED | force        | passed      | !force close needs the milestone Escalated; it is Terminated",
        "TERMINATED | terminate    | failed      | !termination needs the milestone Blocked or Escalated; it is Terminated",
        "TERMINATED | promoted     | passed      | !promotion completed needs the milestone Reached; it is Terminated",
        "TERMINATED | tick-expired | failed      | none",
        "TERMINATED | tick-early   | failed      | none",
    })
    void everyStateAndStimulus(MilestoneState state, String stimulus, String readiness, String expected) {
        assertEquals(expected == null ? "" : expected, reactOrRefuse(state, stimulus, readiness));
    }

    @Test
    void theTableAboveCoversEveryStateWithEveryStimulus() throws Exception {
        var method = getClass().getDeclaredMethod("everyStateAndStimulus", MilestoneState.class, String.class, String.class, String.class);
        var rows = List.of(method.getAnnotation(CsvSource.class).value());
        for (MilestoneState state : MilestoneState.values()) {
            for (String stimulus : STIMULI.keySet()) {
                String prefix = state.name();
                boolean covered = rows.stream().map(r -> r.split("\\|")).anyMatch(c -> c[0].trim().equals(prefix) && c[1].trim().equals(stimulus));
                assertTrue(covered, state + " x " + stimulus + " is missing from the table");
            }
        }
    }

    @Test
    void machineStimuliNeverThrowInAnyStateOrSituation() {
        for (MilestoneState state : MilestoneState.values()) {
            for (String stimulus : List.of("evidence", "tick-expired", "tick-early")) {
                for (String readiness : READINESS.keySet()) {
                    for (LifecyclePolicy policy : List.of(RETRY, new LifecyclePolicy(true, false))) {
                        react(policy, state, stimulus, readiness);
                    }
                }
            }
        }
    }

    @Test
    void everyStepTakenIsAnEdgeOfTheTransitionTable() {
        for (MilestoneState state : MilestoneState.values()) {
            for (var stimulus : STIMULI.values()) {
                for (var readiness : READINESS.values()) {
                    try {
                        for (Transition t : new MilestoneLifecycle(new LifecyclePolicy(true, true)).react(state, stimulus, readiness)) {
                            boolean edge = java.util.Arrays.stream(MilestoneTrigger.values())
                                    .anyMatch(tr -> t.from().next(tr).orElse(null) == t.to() && tr.event() == t.emittedEvent());
                            assertTrue(edge, t + " is not an edge");
                        }
                    } catch (IllegalTransitionException refused) {
                        assertSame(state, refused.from());
                        assertSame(stimulus, refused.stimulus());
                    }
                }
            }
        }
    }

    @Test
    void autoPromotionTriggersPromotionRightAfterEveryReach() {
        LifecyclePolicy auto = new LifecyclePolicy(true, true);
        assertEquals("REACHED:MilestoneReached REACHED:MilestonePromotionTriggered", react(auto, MilestoneState.VERIFYING, "evidence", "passed"));
        assertEquals("PENDING:MilestoneReady VERIFYING REACHED:MilestoneReached REACHED:MilestonePromotionTriggered",
                react(auto, MilestoneState.PLANNED, "evidence", "passed"));
        assertEquals("REACHED:MilestoneForceClosed REACHED:MilestonePromotionTriggered", react(auto, MilestoneState.ESCALATED, "force", "failed"));
        assertEquals("REACHED:MilestoneReached REACHED:MilestonePromotionTriggered", react(auto, MilestoneState.ESCALATED, "approve", "passed"));
        assertEquals("", react(auto, MilestoneState.REACHED, "evidence", "passed"), "promotion is triggered once, on reaching");
    }

    @Test
    void withoutRetryOnFailureNewEvidenceLeavesABlockedMilestoneForPeople() {
        LifecyclePolicy noRetry = new LifecyclePolicy(false, false);
        assertEquals("", react(noRetry, MilestoneState.BLOCKED, "evidence", "passed"));
        assertEquals("VERIFYING:MilestoneResumed REACHED:MilestoneReached", react(noRetry, MilestoneState.BLOCKED, "resume", "passed"));
        assertEquals("VERIFYING:MilestoneResumed REACHED:MilestoneReached", react(noRetry, MilestoneState.BLOCKED, "evaluate", "passed"));
        assertEquals("VERIFYING:MilestoneResumed REACHED:MilestoneReached", react(noRetry, MilestoneState.BLOCKED, "approve", "passed"));
    }

    @Test
    void reasonsSayWhatHappenedAndWho() {
        var lifecycle = new MilestoneLifecycle(RETRY);
        assertEquals(List.of(
                new Transition(MilestoneState.PLANNED, MilestoneState.PENDING, MilestoneEvent.MILESTONE_READY, "new evidence: SprintClosed",
                        MilestoneTrigger.READY),
                new Transition(MilestoneState.PENDING, MilestoneState.VERIFYING, null, "contributing sprints settled", MilestoneTrigger.VERIFY),
                new Transition(MilestoneState.VERIFYING, MilestoneState.BLOCKED, MilestoneEvent.MILESTONE_BLOCKED, "gate failed: qaCoverageAbove",
                        MilestoneTrigger.GATE_FAILED)),
                lifecycle.react(MilestoneState.PLANNED, STIMULI.get("evidence"), READINESS.get("failed")));
        assertEquals("force closed by po-anna: accepted risk",
                lifecycle.react(MilestoneState.ESCALATED, STIMULI.get("force"), READINESS.get("failed")).get(0).reason());
        assertEquals("override 7 requested by dev-1",
                lifecycle.react(MilestoneState.BLOCKED, STIMULI.get("request"), READINESS.get("failed")).get(0).reason());
        assertEquals("every gate already satisfied",
                lifecycle.react(MilestoneState.PENDING, STIMULI.get("evidence"), READINESS.get("passedEarly")).get(0).reason());
        assertEquals("promotion of mvp-v1 completed",
                lifecycle.react(MilestoneState.REACHED, STIMULI.get("promoted"), READINESS.get("passed")).get(0).reason());
    }

    @Test
    void timeoutsSayTheyAreTimeouts() {
        var lifecycle = new MilestoneLifecycle(RETRY);
        assertEquals("gate timeout: gates still pending after 300s",
                lifecycle.react(MilestoneState.VERIFYING, STIMULI.get("tick-expired"), READINESS.get("pending")).get(0).reason());
        assertEquals("gate timeout: blocked for more than 300s",
                lifecycle.react(MilestoneState.BLOCKED, STIMULI.get("tick-expired"), READINESS.get("failed")).get(0).reason());
    }

    @Test
    void theTimeoutIsStrictlyLongerThanTheLimitAndZeroMeansNone() {
        var entered = LifecycleFixture.ENTERED;
        assertEquals(false, new TimerTick(entered, entered.plusSeconds(300), 300).expired());
        assertEquals(true, new TimerTick(entered, entered.plusSeconds(300).plusNanos(1), 300).expired());
        assertEquals(false, new TimerTick(entered, entered.plusSeconds(1_000_000), 0).expired());
        assertEquals(false, new TimerTick(entered, entered.plusSeconds(1_000_000), -5).expired());
        var noTimeout = new TimerTick(entered, entered.plusSeconds(1_000_000), 0);
        assertEquals(List.of(), new MilestoneLifecycle(RETRY).react(MilestoneState.BLOCKED, noTimeout, READINESS.get("failed")));
    }

    @Test
    void aRefusalCarriesTheStateAndTheCommand() {
        var force = new ForceClose("po-anna", "because");
        var refused = assertThrows(IllegalTransitionException.class,
                () -> new MilestoneLifecycle(RETRY).react(MilestoneState.PENDING, force, READINESS.get("pending")));
        assertEquals("force close needs the milestone Escalated; it is Pending", refused.getMessage());
        assertSame(MilestoneState.PENDING, refused.from());
        assertSame(force, refused.stimulus());
    }
}
