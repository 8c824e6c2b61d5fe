package studio.release.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.release.lifecycle.ReleaseState.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.release.lifecycle.ReleaseStimulus.*;

class ReleaseLifecycleTest {

    static final Instant PAUSED_AT = Instant.parse("2025-05-14T16:00:00Z");
    static final Duration TIMEOUT = Duration.ofHours(72);

    /** The stimuli, in the column order of {@link #MATRIX}. */
    static final Map<String, ReleaseStimulus> STIMULI = new LinkedHashMap<>();

    static {
        STIMULI.put("created gated", new Created("alice", true));
        STIMULI.put("created open", new Created("alice", false));
        STIMULI.put("approvals complete", new ApprovalsComplete("bob"));
        STIMULI.put("rejected", new ApprovalRejected("carol", "coverage too low"));
        STIMULI.put("trigger sent", new TriggerSent());
        STIMULI.put("CI completed", new CiCompleted());
        STIMULI.put("CI failed", new CiFailed("helm upgrade failed"));
        STIMULI.put("rollback", new Rollback("dave", "errors in production"));
        STIMULI.put("retry", new Retry("dave", true));
        STIMULI.put("retry, approvals lapsed", new Retry("dave", false));
        STIMULI.put("evidence changed", new EvidenceChanged("QA report of sprint-07"));
        STIMULI.put("tick after timeout", new TimerTick(PAUSED_AT, PAUSED_AT.plus(TIMEOUT).plusSeconds(1), TIMEOUT));
        STIMULI.put("tick in time", new TimerTick(PAUSED_AT, PAUSED_AT.plus(TIMEOUT), TIMEOUT));
    }

    /**
     * Every state against every stimulus: "-" no transition, "409" refused, else the steps as "STATE:Event"
     * ("STATE" alone for a silent step), separated by spaces.
     */
    static final String[][] MATRIX = {
            // created gated, created open, approvals complete, rejected, trigger sent, CI completed, CI failed, rollback, retry, retry lapsed, evidence changed, tick after timeout, tick in time
            {"PENDING", "PAUSED_FOR_APPROVAL:ReleaseApprovalRequested", "TAGGING", "409", "409", "409", "409", "409", "409", "409", "409", "-", "-", "-"},
            {"PAUSED_FOR_APPROVAL", "409", "409", "TAGGING", "REJECTED:ReleaseRejected", "409", "409", "409", "409", "409", "409",
                    "PAUSED_FOR_APPROVAL:ReleaseApprovalRequested", "ABORTED:ReleaseAborted", "-"},
            {"TAGGING", "409", "409", "409", "409", "DEPLOYING:ReleaseTriggered", "409", "409", "409", "409", "409", "-", "-", "-"},
            {"DEPLOYING", "409", "409", "409", "409", "-", "DOCUMENTING:ReleaseCompleted COMPLETED:ReleaseAuditEmitted", "FAILED:ReleaseFailed",
                    "409", "409", "409", "-", "-", "-"},
            {"DOCUMENTING", "409", "409", "409", "409", "409", "-", "409", "409", "409", "409", "-", "-", "-"},
            {"COMPLETED", "409", "409", "409", "409", "409", "-", "409", "ROLLED_BACK:ReleaseRolledBack", "409", "409", "-", "-", "-"},
            {"FAILED", "409", "409", "409", "409", "409", "DOCUMENTING:ReleaseCompleted COMPLETED:ReleaseAuditEmitted", "-",
                    "ROLLED_BACK:ReleaseRolledBack", "TAGGING", "PAUSED_FOR_APPROVAL:ReleaseApprovalRequested", "-", "-", "-"},
            {"ROLLED_BACK", "409", "409", "409", "409", "409", "409", "-", "409", "409", "409", "-", "-", "-"},
            {"ABORTED", "409", "409", "409", "409", "409", "409", "409", "409", "409", "409", "-", "-", "-"},
            {"REJECTED", "409", "409", "409", "409", "409", "409", "409", "409", "409", "409", "-", "-", "-"}};

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        List<String> names = new ArrayList<>(STIMULI.keySet());
        for (String[] row : MATRIX) {
            assertEquals(names.size() + 1, row.length, "row " + row[0] + " covers every stimulus");
            for (int i = 0; i < names.size(); i++) cells.add(Arguments.of(ReleaseState.valueOf(row[0]), names.get(i), row[i + 1]));
        }
        return cells.stream();
    }

    @Test
    void theMatrixCoversEveryState() {
        assertEquals(ReleaseState.values().length, MATRIX.length);
        assertEquals(Stream.of(ReleaseState.values()).map(Enum::name).toList(), Stream.of(MATRIX).map(r -> r[0]).toList());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("cells")
    void everyStateAgainstEveryStimulus(ReleaseState state, String stimulus, String expected) {
        ReleaseStimulus s = STIMULI.get(stimulus);
        if (expected.equals("409")) {
            IllegalReleaseTransition refused = assertThrows(IllegalReleaseTransition.class, () -> new ReleaseLifecycle().react(state, s));
            assertSame(state, refused.from());
            assertSame(s, refused.stimulus());
            assertTrue(refused.getMessage().contains("; it is " + state.label()), refused.getMessage());
            return;
        }
        assertEquals(expected, describe(state, new ReleaseLifecycle().react(state, s)));
    }

    @Test
    void withRollbackEnabledAFailureRollsBackAtOnce() {
        List<ReleaseTransition> steps = new ReleaseLifecycle(true).react(DEPLOYING, new CiFailed("smoke tests failed"));
        assertEquals("FAILED:ReleaseFailed ROLLED_BACK:ReleaseRolledBack", describe(DEPLOYING, steps));
        assertEquals("rolled back automatically after the failure (rollbackEnabled)", steps.get(1).reason());
        assertEquals(List.of(), new ReleaseLifecycle(true).react(FAILED, new CiFailed("again")), "a repeated report stays harmless");
    }

    @Test
    void aGatedProductionReleaseFromRequestToRollback() {
        ReleaseLifecycle lifecycle = new ReleaseLifecycle();
        Journey j = new Journey(lifecycle);
        j.then(new Created("alice", true), "requested by alice; approval required before release");
        j.then(new EvidenceChanged("QA report of sprint-07"),
                "evidence changed (QA report of sprint-07); approvals given so far are stale and must be given again");
        j.then(new ApprovalsComplete("carol"), "every required approval given (last by carol)");
        j.then(new TriggerSent(), "trigger handed to CI");
        j.then(new CiFailed("helm upgrade failed"), "CI reported failure: helm upgrade failed");
        j.then(new Retry("dave", true), "retry by dave");
        j.then(new TriggerSent(), "trigger handed to CI");
        j.then(new CiCompleted(), "CI reported completion", "manifest signed and release documents generated");
        j.then(new CiCompleted());
        j.then(new Rollback("dave", "errors in production"), "rolled back by dave: errors in production");
        assertEquals(ROLLED_BACK, j.state);
        assertEquals(List.of("ReleaseApprovalRequested", "ReleaseApprovalRequested", "ReleaseTriggered", "ReleaseFailed", "ReleaseTriggered",
                "ReleaseCompleted", "ReleaseAuditEmitted", "ReleaseRolledBack"), j.events);
    }

    @Test
    void reasonsSayWhoAndWhy() {
        ReleaseLifecycle l = new ReleaseLifecycle();
        assertEquals("requested by ci-bot; no approval required", l.react(PENDING, new Created("ci-bot", false)).get(0).reason());
        assertEquals("rejected by carol: coverage too low", l.react(PAUSED_FOR_APPROVAL, new ApprovalRejected("carol", "coverage too low")).get(0).reason());
        assertEquals("retry by dave; the approvals no longer hold and must be given again", l.react(FAILED, new Retry("dave", false)).get(0).reason());
        assertEquals("CI reported completion after an earlier failure", l.react(FAILED, new CiCompleted()).get(0).reason());
        assertEquals("CI reported failure", l.react(DEPLOYING, new CiFailed(" ")).get(0).reason());
        assertEquals("no approval within 72h", l.react(PAUSED_FOR_APPROVAL, STIMULI.get("tick after timeout")).get(0).reason());
    }

    @Test
    void refusalsSayWhatTheStateWouldHaveToBe() {
        assertEquals("a retry needs the release Failed; it is Completed", refusal(COMPLETED, new Retry("dave", true)));
        assertEquals("a rollback needs the release Completed or Failed; it is Deploying", refusal(DEPLOYING, new Rollback("dave", "x")));
        assertEquals("an approval needs the release Paused for approval; it is Deploying; it no longer waits for approvals",
                refusal(DEPLOYING, new ApprovalsComplete("bob")));
        assertEquals("CI's ReleaseCompleted needs the release Deploying or Failed; it is Paused for approval; it was not handed to CI yet",
                refusal(PAUSED_FOR_APPROVAL, new CiCompleted()));
        assertEquals("CI's ReleaseFailed needs the release Deploying; it is Completed; roll it back instead", refusal(COMPLETED, new CiFailed("late")));
        assertEquals("CI's ReleaseFailed needs the release Deploying; it is Tagging; it was not handed to CI yet", refusal(TAGGING, new CiFailed("x")));
        assertEquals("creation needs the release Pending; it is Tagging", refusal(TAGGING, new Created("alice", false)));
        String canary = "CI's ReleaseCompleted comes after canaryValidationPassed: the deployment completes once CI reported a GateSignal "
                + "passing for each signal it waits for";
        assertEquals(canary, refusal(DEPLOYING, new CiCompleted("canaryValidationPassed")));
        assertEquals(canary, refusal(FAILED, new CiCompleted("canaryValidationPassed")));
        assertEquals(List.of(), new ReleaseLifecycle().react(COMPLETED, new CiCompleted("canaryValidationPassed")), "a repeated report stays a no-op");
        assertEquals("handing the trigger to CI needs the release Tagging; it is Pending", refusal(PENDING, new TriggerSent()));
    }

    @Test
    void theApprovalTimeoutIsStrictAndOnlyWhenThereIsOne() {
        Instant late = PAUSED_AT.plus(Duration.ofDays(365));
        assertFalse(new TimerTick(PAUSED_AT, PAUSED_AT.plus(TIMEOUT), TIMEOUT).expired());
        assertTrue(new TimerTick(PAUSED_AT, PAUSED_AT.plus(TIMEOUT).plusMillis(1), TIMEOUT).expired());
        assertFalse(new TimerTick(PAUSED_AT, late, null).expired());
        assertFalse(new TimerTick(PAUSED_AT, late, Duration.ZERO).expired());
        assertFalse(new TimerTick(PAUSED_AT, late, Duration.ofHours(-1)).expired());
        assertEquals(List.of(), new ReleaseLifecycle().react(PAUSED_FOR_APPROVAL, new TimerTick(PAUSED_AT, late, null)));
    }

    private static String refusal(ReleaseState state, ReleaseStimulus s) {
        return assertThrows(IllegalReleaseTransition.class, () -> new ReleaseLifecycle().react(state, s)).getMessage();
    }

    /** "-" for no steps, else "TO:Event" per step; also checks the steps chain from {@code state}. */
    static String describe(ReleaseState state, List<ReleaseTransition> steps) {
        if (steps.isEmpty()) return "-";
        ReleaseState at = state;
        for (ReleaseTransition t : steps) {
            assertEquals(at, t.from(), "steps chain");
            at = t.to();
        }
        return steps.stream().map(t -> t.to().name() + (t.event() == null ? "" : ":" + t.event().eventName())).collect(Collectors.joining(" "));
    }

    /** A release taken through stimuli one by one, collecting the events it emits. */
    static final class Journey {
        final ReleaseLifecycle lifecycle;
        ReleaseState state = PENDING;
        final List<String> events = new ArrayList<>();

        Journey(ReleaseLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        void then(ReleaseStimulus s, String... reasons) {
            List<ReleaseTransition> steps = lifecycle.react(state, s);
            assertEquals(List.of(reasons), steps.stream().map(ReleaseTransition::reason).toList(), s.toString());
            describe(state, steps);
            for (ReleaseTransition t : steps) {
                if (t.event() != null) events.add(t.event().eventName());
                state = t.to();
            }
        }
    }
}
