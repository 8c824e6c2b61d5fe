package studio.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.provider.Arguments;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence.OverrideStatus;

/** The mvp-ready milestone, its gate report, and the people who act on it. */
final class PolicyFixture {

    static final Instant NOW = Instant.parse("2025-05-15T12:00:00Z");
    static final Instant DECIDED = Instant.parse("2025-05-15T11:00:00Z");

    static final List<GateCondition> GATES = List.of(
            new GateCondition.AllSprintsClosed("allSprintsClosed"),
            new GateCondition.Coverage("qaCoverageAbove", 90, true),
            new GateCondition.TraceMatrixComplete("traceMatrixComplete"),
            new GateCondition.NoManualOverridesActive("noManualOverridesActive"),
            new GateCondition.ManualApproval("manualApproval", "product-owner"),
            new GateCondition.Signal("securityValidated", null, null));

    static final GateReport REPORT = new GateReport(List.of(
            result("allSprintsClosed", GateStatus.PASSED, null),
            result("qaCoverageAbove", GateStatus.FAILED, null),
            result("traceMatrixComplete", GateStatus.PENDING, null),
            result("noManualOverridesActive", GateStatus.PASSED, null),
            result("manualApproval", GateStatus.OVERRIDDEN, 3L),
            result("securityValidated", GateStatus.FAILED, null)), 88.0, Map.of(), List.of(), List.of());

    static final Actor DEV = actor("dev-1", "domain-architect");
    static final Actor SECURITY = actor("sec-1", "security-officer");
    static final Actor QA = actor("qa-lead-2", "qa-lead");
    static final Actor ARCHITECT = actor("arch-1", "domain-architect");
    static final Actor PO = actor("po-anna", "product-owner");
    static final Actor ADMIN = actor("admin-1", "platform-admin");
    static final Actor AUDITOR = actor("aud-1", "auditor");
    static final Actor CI = actor("ci-bot", "ci");
    static final Actor NOBODY = actor("nobody");

    private PolicyFixture() {}

    static Actor actor(String name, String... roles) {
        return new Actor(name, Set.of(roles));
    }

    static GovernedMilestone milestone(MilestoneState state) {
        return new GovernedMilestone("mvp-ready", GATES, true, List.of("qa-lead", "domain-architect"), "product-owner", state);
    }

    static GovernedMilestone blocked() {
        return milestone(MilestoneState.BLOCKED);
    }

    static OverrideTicket ticket(OverrideStatus status) {
        String decidedBy = status == OverrideStatus.REQUESTED ? null : "qa-lead-2";
        return new OverrideTicket(7, status, "dev-1", decidedBy, status == OverrideStatus.REQUESTED ? null : DECIDED, null);
    }

    /** One row of a policy table: what is tried, and the answer expected (0 for allowed). */
    static Arguments row(String name, int status, String message, Supplier<Verdict> verdict) {
        return Arguments.of(name, status, message, verdict);
    }

    /** As the engine reports it: a manual gate's result carries its role. */
    private static GateResult result(String name, GateStatus status, Long overrideId) {
        String role = name.equals("manualApproval") ? "product-owner" : null;
        return new GateResult(name, status, null, role, null, "", List.of(), overrideId, overrideId == null ? null : "qa-lead-2");
    }
}
