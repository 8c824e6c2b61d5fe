package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static studio.gate.EvidenceFixture.evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.Decision;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.gate.MilestoneEvidence.SprintState;

/** Every gate kind reaches every status it can have, and the milestone outcome follows the worst gate. */
class GateMatrixTest {

    private static final List<String> REQ = List.of("BookingFlow");

    private record Case(GateCondition gate, GateStatus expected, Supplier<MilestoneEvidence> evidence) {}

    private static List<Case> cases() {
        var closure = new GateCondition.AllSprintsClosed("allSprintsClosed");
        var coverage = new GateCondition.Coverage("qaCoverageAbove", 90, true);
        var trace = new GateCondition.TraceMatrixComplete("traceMatrixComplete");
        var none = new GateCondition.NoManualOverridesActive("noManualOverridesActive");
        var tests = new GateCondition.AllTestsPass("allTestsPass");
        var manual = new GateCondition.ManualApproval("manualApproval", "qa-lead");
        var signal = new GateCondition.Signal("securityValidated", null, null);
        var scopes = new GateCondition.SprintScopesApproved("sprintScopesApproved");
        return List.of(
                new Case(scopes, GateStatus.PASSED, () -> evidence().scope("s", true, ScopeStatus.APPROVED, null).build()),
                new Case(scopes, GateStatus.FAILED, () -> evidence().scope("s", true, ScopeStatus.APPROVED, ScopeStatus.PENDING).build()),
                new Case(scopes, GateStatus.PENDING, () -> evidence().scope("s", true, ScopeStatus.STALE, null).build()),
                new Case(scopes, GateStatus.OVERRIDDEN, () -> evidence().scope("s", true, ScopeStatus.REJECTED, null)
                        .override(1, OverrideStatus.APPROVED, null, "sprintScopesApproved").build()),
                new Case(closure, GateStatus.PASSED, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").build()),
                new Case(closure, GateStatus.FAILED, () -> evidence().sprint("s", SprintState.BLOCKED, "BookingFlow").build()),
                new Case(closure, GateStatus.PENDING, () -> evidence().sprint("s", SprintState.ACTIVE, "BookingFlow").build()),
                new Case(closure, GateStatus.OVERRIDDEN, () -> evidence().sprint("s", SprintState.ACTIVE, "BookingFlow").override(1, OverrideStatus.APPROVED, null, "allSprintsClosed").build()),
                new Case(coverage, GateStatus.PASSED, () -> evidence().coverage("BookingFlow", 90, 1).build()),
                new Case(coverage, GateStatus.FAILED, () -> evidence().coverage("BookingFlow", 89.9, 1).build()),
                new Case(coverage, GateStatus.PENDING, () -> evidence().defer("BookingFlow").build()),
                new Case(coverage, GateStatus.OVERRIDDEN, () -> evidence().override(1, OverrideStatus.APPROVED, null, "qaCoverageAbove").build()),
                new Case(trace, GateStatus.PASSED, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").trace("BookingFlow", "s", 1, 1).build()),
                new Case(trace, GateStatus.FAILED, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").trace("BookingFlow", "s", 1, 0).build()),
                new Case(trace, GateStatus.PENDING, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").build()),
                new Case(trace, GateStatus.OVERRIDDEN, () -> evidence().override(1, OverrideStatus.APPROVED, null, "traceMatrixComplete").build()),
                new Case(none, GateStatus.PASSED, () -> evidence().build()),
                new Case(none, GateStatus.FAILED, () -> evidence().override(1, OverrideStatus.APPROVED, null, "x").build()),
                new Case(tests, GateStatus.PASSED, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").tests("s", 3, 0).build()),
                new Case(tests, GateStatus.FAILED, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").tests("s", 3, 1).build()),
                new Case(tests, GateStatus.PENDING, () -> evidence().sprint("s", SprintState.CLOSED, "BookingFlow").build()),
                new Case(tests, GateStatus.OVERRIDDEN, () -> evidence().override(1, OverrideStatus.APPROVED, null, "allTestsPass").build()),
                new Case(manual, GateStatus.PASSED, () -> evidence().approval("qa-lead", Decision.APPROVED, "q", "ok").build()),
                new Case(manual, GateStatus.FAILED, () -> evidence().approval("qa-lead", Decision.REJECTED, "q", "no").build()),
                new Case(manual, GateStatus.PENDING, () -> evidence().approval("qa-lead", Decision.CONDITIONAL, "q", "if").build()),
                new Case(manual, GateStatus.OVERRIDDEN, () -> evidence().override(1, OverrideStatus.APPROVED, null, "manualApproval").build()),
                new Case(signal, GateStatus.PASSED, () -> evidence().signal("securityValidated", "pass", null, null).build()),
                new Case(signal, GateStatus.FAILED, () -> evidence().signal("securityValidated", "fail", null, null).build()),
                new Case(signal, GateStatus.PENDING, () -> evidence().build()),
                new Case(signal, GateStatus.OVERRIDDEN, () -> evidence().signal("securityValidated", "fail", null, null).override(1, OverrideStatus.APPROVED, null, "securityValidated").build()));
    }

    @Test
    void everyKindReachesEveryStatusItCanHave() {
        for (Case c : cases()) {
            GateResult result = GateEngine.evaluate(REQ, List.of(c.gate()), c.evidence().get()).gates().get(0);
            assertEquals(c.expected(), result.status(), c.gate().name() + " -> " + c.expected() + ": " + result.detail());
            assertNotNull(result.detail());
        }
    }

    @Test
    void theMatrixCoversEveryKindAndEveryStatus() {
        Map<Class<?>, Set<GateStatus>> seen = new java.util.HashMap<>();
        for (Case c : cases()) seen.computeIfAbsent(c.gate().getClass(), k -> EnumSet.noneOf(GateStatus.class)).add(c.expected());
        assertEquals(GateCondition.class.getPermittedSubclasses().length, seen.size());
        seen.forEach((kind, statuses) -> {
            Set<GateStatus> expected = kind == GateCondition.NoManualOverridesActive.class
                    ? EnumSet.of(GateStatus.PASSED, GateStatus.FAILED) : EnumSet.allOf(GateStatus.class);
            assertEquals(expected, statuses, kind.getSimpleName());
        });
    }

    @Test
    void theOutcomeIsFailedIfAnyFailedElsePendingIfAnyPendingElsePassed() {
        var ev = evidence().signal("a", "pass", null, null).signal("b", "fail", null, null).build();
        var a = new GateCondition.Signal("a", null, null);
        var b = new GateCondition.Signal("b", null, null);
        var c = new GateCondition.Signal("c", null, null);
        assertEquals(GateReport.Outcome.FAILED, GateEngine.evaluate(REQ, List.of(a, b, c), ev).outcome());
        assertEquals(GateReport.Outcome.PENDING, GateEngine.evaluate(REQ, List.of(a, c), ev).outcome());
        assertEquals(GateReport.Outcome.PASSED, GateEngine.evaluate(REQ, List.of(a), ev).outcome());
        assertEquals(GateReport.Outcome.PASSED, GateEngine.evaluate(REQ, List.of(), ev).outcome(), "no gates, nothing holds it back");
    }
}
