package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static studio.governance.LifecycleFixture.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import studio.governance.MilestoneStimulus.*;
import studio.governance.SprintTimeouts.Kind;
import studio.governance.SprintTimeouts.OverdueSprint;
import studio.governance.SprintTimeouts.SprintClock;

/** The timer's new edges (overdue sprints, retries with a cool-down and a maximum) and a paused milestone standing still. */
class TimeoutsAndHoldsLifecycleTest {

    private static final LifecyclePolicy THREE_RETRIES = new LifecyclePolicy(false, true, 3, 60);

    private static TimerTick tick(long afterSeconds, int retriesDone, List<OverdueSprint> overdue) {
        return new TimerTick(ENTERED, ENTERED.plusSeconds(afterSeconds), TIMEOUT, retriesDone, overdue);
    }

    private static String react(LifecyclePolicy policy, MilestoneState state, MilestoneStimulus s, String readiness) {
        return render(state, new MilestoneLifecycle(policy).react(state, s, READINESS.get(readiness)));
    }

    @Test
    void aPendingMilestoneWithAnOverdueSprintIsEscalatedNamingIt() {
        var overdue = List.of(new OverdueSprint("sprint-1", Kind.ORPHANED, 301), new OverdueSprint("sprint-2", Kind.LONG_RUNNING, 400));
        var steps = new MilestoneLifecycle(RETRY).react(MilestoneState.PENDING, tick(400, 0, overdue), READINESS.get("pending"));
        assertEquals("ESCALATED:MilestoneEscalated", render(MilestoneState.PENDING, steps));
        assertEquals("sprint timeout after 300s: sprint-1 orphaned (never started, 301s), sprint-2 long-running (started, not closed, 400s)",
                steps.get(0).reason());
        assertEquals("", react(RETRY, MilestoneState.PENDING, tick(400, 0, List.of()), "pending"), "nothing overdue: Pending waits");
        assertEquals("", react(RETRY, MilestoneState.VERIFYING, tick(10, 0, overdue), "pending"), "overdue sprints matter while Pending only");
    }

    @Test
    void sprintsAreOrphanedOrLongRunningOnlyPastTheirBudget() {
        Instant waiting = ENTERED;
        var sprints = List.of(new SprintClock("never", null, false), new SprintClock("started-early", ENTERED.minusSeconds(999), false),
                new SprintClock("started-late", ENTERED.plusSeconds(100), false), new SprintClock("closed", null, true));
        assertEquals(List.of(), SprintTimeouts.overdue(sprints, waiting, ENTERED.plusSeconds(300), 300), "exactly at the budget is in time");
        assertEquals(List.of(new OverdueSprint("never", Kind.ORPHANED, 301), new OverdueSprint("started-early", Kind.LONG_RUNNING, 301)),
                SprintTimeouts.overdue(sprints, waiting, ENTERED.plusSeconds(301), 300));
        assertEquals(3, SprintTimeouts.overdue(sprints, waiting, ENTERED.plusSeconds(401), 300).size());
        assertEquals(List.of(), SprintTimeouts.overdue(sprints, waiting, ENTERED.plusSeconds(99_999), 0), "0: no timeout");
    }

    @ParameterizedTest(name = "blocked {0}s, {1} retries done, gates {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "60  | 0 | failed  | none",
        "61  | 0 | failed  | VERIFYING:MilestoneResumed BLOCKED:MilestoneBlocked",
        "61  | 0 | pending | VERIFYING:MilestoneResumed",
        "61  | 2 | passed  | VERIFYING:MilestoneResumed REACHED:MilestoneReached",
        "61  | 3 | failed  | TERMINATED:MilestoneTerminated",
        "999 | 3 | passed  | TERMINATED:MilestoneTerminated",
    })
    void theTimerRetriesAfterTheCoolDownAndGivesUpAfterMaxRetries(long blocked, int done, String readiness, String expected) {
        assertEquals(expected == null ? "" : expected, react(THREE_RETRIES, MilestoneState.BLOCKED, tick(blocked, done, List.of()), readiness));
    }

    @Test
    void retriesAndGivingUpSayWhy() {
        var lifecycle = new MilestoneLifecycle(THREE_RETRIES);
        var retry = lifecycle.react(MilestoneState.BLOCKED, tick(61, 1, List.of()), READINESS.get("failed"));
        assertEquals("RetryTriggered: retry 2 of 3 after a cool-down of 60s", retry.get(0).reason());
        assertEquals(MilestoneTrigger.RETRY, retry.get(0).trigger());
        var giveUp = lifecycle.react(MilestoneState.BLOCKED, tick(61, 3, List.of()), READINESS.get("failed")).get(0);
        assertEquals("MaxRetriesExceeded: 3 retries failed", giveUp.reason());
        assertEquals(MilestoneTrigger.MAX_RETRIES_EXCEEDED, giveUp.trigger());
    }

    @Test
    void withoutMaxRetriesOrRetryOnFailureTheGateTimeoutStillEscalates() {
        for (LifecyclePolicy p : List.of(new LifecyclePolicy(false, true, 0, 60), new LifecyclePolicy(false, false, 3, 60))) {
            assertEquals("ESCALATED:MilestoneEscalated", react(p, MilestoneState.BLOCKED, tick(TIMEOUT + 1, 0, List.of()), "failed"));
            assertEquals("", react(p, MilestoneState.BLOCKED, tick(61, 0, List.of()), "failed"));
        }
    }

    @Test
    void aPausedMilestoneIgnoresMachinesAndRefusesPeople() {
        var lifecycle = new MilestoneLifecycle(new LifecyclePolicy(true, true, 3, 0));
        for (MilestoneState state : MilestoneState.values()) {
            for (String machine : List.of("evidence", "tick-expired", "promoted")) {
                for (Readiness r : READINESS.values()) assertEquals(List.of(), lifecycle.react(state, true, STIMULI.get(machine), r));
            }
            assertEquals(List.of(), lifecycle.react(state, true, tick(999, 0, List.of(new OverdueSprint("s", Kind.ORPHANED, 999))), READINESS.get("failed")));
            for (String person : List.of("evaluate", "resume", "escalate", "force", "terminate", "request", "approve")) {
                var refused = assertThrows(IllegalTransitionException.class, () -> lifecycle.react(state, true, STIMULI.get(person), READINESS.get("passed")));
                assertEquals(STIMULI.get(person).label() + " needs the milestone not paused; it is paused", refused.getMessage());
            }
        }
    }

    @Test
    void liftingAPauseJudgesTheMilestoneAgainstWhatArrivedMeanwhile() {
        var lifted = new PauseLifted("po-anna", "security review done");
        assertEquals("VERIFYING REACHED:MilestoneReached", react(RETRY, MilestoneState.PENDING, lifted, "passed"));
        assertEquals("REACHED:MilestoneReached", react(RETRY, MilestoneState.VERIFYING, lifted, "passed"));
        assertEquals("BLOCKED:MilestoneBlocked", react(RETRY, MilestoneState.VERIFYING, lifted, "failed"));
        assertEquals("", react(RETRY, MilestoneState.VERIFYING, lifted, "pending"));
        assertEquals("pause lifted by po-anna: security review done",
                new MilestoneLifecycle(RETRY).react(MilestoneState.BLOCKED, lifted, READINESS.get("passed")).get(0).reason());
        assertThrows(IllegalTransitionException.class, () -> new MilestoneLifecycle(RETRY).react(MilestoneState.CLOSED, lifted, READINESS.get("passed")));
    }
}
