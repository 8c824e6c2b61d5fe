package studio.gate;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import studio.gate.MilestoneEvidence.OverrideFact;

/**
 * Overrides in the gate matrix: {@code noManualOverridesActive} fails while any approved, unexpired, unrevoked
 * override exists on the milestone, and every gate that is not passed but is named by such an override is shown as
 * OVERRIDDEN (its own detail kept, so people still see what was waived). {@code noManualOverridesActive} itself is
 * covered only by an override that names it: a deliberate, visible bypass of "no overrides".
 */
final class OverrideRule {

    private OverrideRule() {}

    static List<OverrideFact> active(MilestoneEvidence ev) {
        return ev.overrides().stream().filter(o -> o.activeAt(ev.now())).sorted(Comparator.comparingLong(OverrideFact::id)).toList();
    }

    static GateResult evaluateNoneActive(GateCondition gate, MilestoneEvidence ev) {
        List<OverrideFact> active = active(ev);
        if (active.isEmpty()) return Results.of(gate, GateStatus.PASSED, "no active override", List.of());
        String detail = active.stream().map(OverrideRule::describe).collect(Collectors.joining("; "));
        return Results.of(gate, GateStatus.FAILED, detail, active.stream().map(OverrideFact::source).toList());
    }

    /** The result covered by the lowest-numbered active override naming its gate, or the result unchanged. */
    static GateResult apply(GateCondition gate, GateResult result, List<OverrideFact> active, List<GateCondition> all) {
        if (result.status() == GateStatus.PASSED) return result;
        return active.stream().filter(o -> o.gates().stream().anyMatch(ref -> gate.namedBy(ref, all))).findFirst()
                .map(o -> Results.overridden(result, o)).orElse(result);
    }

    /** "override 7 on traceMatrixComplete, qaCoverageAbove approved by qa-lead-2 until 2025-06-01T00:00:00Z". */
    private static String describe(OverrideFact o) {
        String until = o.expiresAt() == null ? "" : " until " + o.expiresAt();
        return "override " + o.id() + " on " + String.join(", ", o.gates()) + " approved by " + o.decidedBy() + until;
    }
}
