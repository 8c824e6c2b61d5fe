package studio.governance;

import java.util.Locale;
import java.util.Optional;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.Decision;

/**
 * Who may decide a manual gate ({@code manualApproval: <role>}): a person holding the role the gate names, with a
 * reason, while the milestone is still open. Checks run in the order 400 (which gate), 403, 409, 400 (the decision).
 */
public final class ManualDecisionPolicy {

    private ManualDecisionPolicy() {}

    /** "approved", "conditional", "rejected" in any letter case; empty for anything else. */
    public static Optional<Decision> parseDecision(String decision) {
        if (decision == null) return Optional.empty();
        return switch (decision.trim().toLowerCase(Locale.ROOT)) {
            case "approved" -> Optional.of(Decision.APPROVED);
            case "conditional" -> Optional.of(Decision.CONDITIONAL);
            case "rejected" -> Optional.of(Decision.REJECTED);
            default -> Optional.empty();
        };
    }

    public static Verdict decide(Actor actor, GovernedMilestone milestone, String gateName, String decision, String reason) {
        Optional<GateCondition.ManualApproval> gate = manualGate(milestone, gateName);
        if (gate.isEmpty()) return Verdict.badRequest("milestone " + milestone.id() + " has no manual approval gate '" + gateName + "'" + manualGates(milestone));
        if (!actor.holds(gate.get().role())) return Verdict.forbidden("deciding " + gateName + " needs the role " + gate.get().role());
        if (milestone.state().terminal()) {
            return Verdict.conflict("milestone " + milestone.id() + " is " + milestone.state().label() + "; its gates no longer change");
        }
        if (parseDecision(decision).isEmpty()) return Verdict.badRequest("decision must be approved, conditional or rejected");
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    private static Optional<GateCondition.ManualApproval> manualGate(GovernedMilestone milestone, String gateName) {
        return milestone.gate(gateName).filter(GateCondition.ManualApproval.class::isInstance).map(GateCondition.ManualApproval.class::cast);
    }

    private static String manualGates(GovernedMilestone milestone) {
        var names = milestone.gates().stream().filter(GateCondition.ManualApproval.class::isInstance).map(GateCondition::name).toList();
        return names.isEmpty() ? " (it has none)" : " (its manual gates: " + String.join(", ", names) + ")";
    }
}
