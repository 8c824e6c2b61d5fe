package studio.governance;

import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverrideRequestPolicyTest {

    private static final String GATES_LIST = "allSprintsClosed, qaCoverageAbove, traceMatrixComplete, noManualOverridesActive, manualApproval, securityValidated";

    private static Supplier<Verdict> request(Actor actor, GovernedMilestone m, List<String> gates, String reason, Instant expires) {
        return () -> OverridePolicy.request(actor, m, REPORT, new OverrideRequestForm(gates, reason, expires), NOW);
    }

    /** Every gate that fails in the fixture's report, and noManualOverridesActive, which an approved override makes fail. */
    private static final List<String> COMPLETE = List.of("qaCoverageAbove", "securityValidated", "noManualOverridesActive");

    private static List<String> with(String gate) {
        List<String> gates = new java.util.ArrayList<>(COMPLETE);
        gates.add(gate);
        return gates;
    }

    private static Supplier<Verdict> request(Actor actor, List<String> gates) {
        return request(actor, blocked(), gates, "edge case not relevant to this customer", null);
    }

    static Stream<Arguments> rows() {
        GovernedMilestone noOverrides = new GovernedMilestone("mvp-ready", GATES, false, List.of(), null, MilestoneState.BLOCKED);
        return Stream.of(
                row("every failing gate, no overrides named", 0, null, request(DEV, COMPLETE)),
                row("a pending gate too", 0, null, request(SECURITY, with("traceMatrixComplete"))),
                row("several gates", 0, null, request(PO, List.of("qaCoverageAbove", "traceMatrixComplete", "securityValidated", "noManualOverridesActive"))),
                row("a future expiry", 0, null, request(DEV, blocked(), COMPLETE, "r", NOW.plusSeconds(1))),
                row("an auditor who also holds a human role", 0, null, request(actor("x", "auditor", "qa-lead"), COMPLETE)),
                row("platform-admin", 0, null, request(ADMIN, COMPLETE)),
                row("auditor", 403, "requesting an override needs a human role other than auditor", request(AUDITOR, COMPLETE)),
                row("ci", 403, "requesting an override needs a human role other than auditor", request(CI, COMPLETE)),
                row("no role", 403, "requesting an override needs a human role other than auditor", request(NOBODY, COMPLETE)),
                row("overrides not allowed", 403, "milestone mvp-ready does not allow manual overrides",
                        request(DEV, noOverrides, COMPLETE, "r", null)),
                row("Planned", 0, null, request(DEV, milestone(MilestoneState.PLANNED), COMPLETE, "r", null)),
                row("Pending", 0, null, request(DEV, milestone(MilestoneState.PENDING), COMPLETE, "r", null)),
                row("Verifying", 0, null, request(DEV, milestone(MilestoneState.VERIFYING), COMPLETE, "r", null)),
                row("Escalated", 0, null, request(DEV, milestone(MilestoneState.ESCALATED), COMPLETE, "r", null)),
                row("Reached", 409, "milestone mvp-ready is Reached; its gates can no longer be overridden",
                        request(DEV, milestone(MilestoneState.REACHED), COMPLETE, "r", null)),
                row("Closed", 409, "milestone mvp-ready is Closed; its gates can no longer be overridden",
                        request(DEV, milestone(MilestoneState.CLOSED), COMPLETE, "r", null)),
                row("Terminated", 409, "milestone mvp-ready is Terminated; its gates can no longer be overridden",
                        request(DEV, milestone(MilestoneState.TERMINATED), COMPLETE, "r", null)),
                row("no reason", 400, "a reason is required", request(DEV, blocked(), COMPLETE, null, null)),
                row("empty reason", 400, "a reason is required", request(DEV, blocked(), COMPLETE, "", null)),
                row("blank reason", 400, "a reason is required", request(DEV, blocked(), COMPLETE, " \n\t", null)),
                row("no gates", 400, "name at least one gate to override", request(DEV, List.of())),
                row("no gates (null)", 400, "name at least one gate to override", request(DEV, blocked(), null, "r", null)),
                row("a gate the milestone lacks", 400, "milestone mvp-ready has no gate 'qaCoverageAbov' (its gates: " + GATES_LIST + ")",
                        request(DEV, List.of("qaCoverageAbov"))),
                row("one good and one unknown gate", 400, "milestone mvp-ready has no gate 'x' (its gates: " + GATES_LIST + ")",
                        request(DEV, List.of("qaCoverageAbove", "x"))),
                row("a failing gate left out", 400, "this override could not make mvp-ready reachable: it would still need "
                        + "securityValidated (failed); name those gates too", request(DEV, List.of("qaCoverageAbove", "noManualOverridesActive"))),
                row("noManualOverridesActive left out", 400, "this override could not make mvp-ready reachable: it would still need "
                        + "noManualOverridesActive (fails once an override is approved); name those gates too",
                        request(DEV, List.of("qaCoverageAbove", "securityValidated"))),
                row("noManualOverridesActive alone", 400, "this override could not make mvp-ready reachable: it would still need "
                        + "qaCoverageAbove (failed), securityValidated (failed); name those gates too", request(DEV, List.of("noManualOverridesActive"))),
                row("a passing gate", 400, "allSprintsClosed already passes; only failed or pending gates can be overridden",
                        request(DEV, with("allSprintsClosed"))),
                row("an already overridden gate", 400, "manualApproval is already covered by override 3", request(DEV, with("manualApproval"))),
                row("a gate named twice", 400, "gate qaCoverageAbove is named twice", request(DEV, with("qaCoverageAbove"))),
                row("expiry now", 400, "expires_at must be in the future", request(DEV, blocked(), COMPLETE, "r", NOW)),
                row("expiry past", 400, "expires_at must be in the future", request(DEV, blocked(), COMPLETE, "r", NOW.minusSeconds(60))),
                // order: who (403) before state (409) before content (400)
                row("auditor on a milestone without overrides", 403, "requesting an override needs a human role other than auditor",
                        request(AUDITOR, noOverrides, List.of(), null, null)),
                row("no overrides allowed on a closed milestone", 403, "milestone mvp-ready does not allow manual overrides",
                        request(DEV, new GovernedMilestone("mvp-ready", GATES, false, null, null, MilestoneState.CLOSED), List.of("x"), null, null)),
                row("closed and no reason", 409, null, request(DEV, milestone(MilestoneState.CLOSED), List.of("x"), null, null)),
                row("no reason and an unknown gate", 400, "a reason is required", request(DEV, blocked(), List.of("x"), " ", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void requestingAnOverride(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }
}
