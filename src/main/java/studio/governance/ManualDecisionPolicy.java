package studio.governance;

import java.util.Locale;
import java.util.Optional;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.Decision;

/**
 * Who may decide a manual gate ({@code manualApproval: <role>}): a person holding the role the gate names, with a
 * reason, while the milestone is still open, and who has not signed off on another manual gate or an override of the
 * same milestone (several sign-offs are several people). A milestone may ask several roles to sign off; a decision
 * then names its gate's role ("manualApproval:security-officer"), which is optional while there is only one manual
 * gate. Checks run in the order 400 (which gate), 403, 409, 400 (the decision).
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

    /** The manual gate {@code reference} names ("manualApproval", "manualApproval:security-officer"), if any. */
    public static Optional<GateCondition.ManualApproval> gate(GovernedMilestone milestone, String reference) {
        return milestone.gate(reference).filter(GateCondition.ManualApproval.class::isInstance).map(GateCondition.ManualApproval.class::cast);
    }

    public static Verdict decide(Actor actor, GovernedMilestone milestone, String reference, String decision, String reason,
                                 SignOffs signOffs) {
        if (milestone.ambiguous(reference)) {
            return Verdict.badRequest("milestone " + milestone.id() + " has several manual gates; name the role: " + manualGates(milestone));
        }
        Optional<GateCondition.ManualApproval> gate = gate(milestone, reference);
        if (gate.isEmpty()) return Verdict.badRequest("milestone " + milestone.id() + " has no manual approval gate '" + reference + "'" + listed(milestone));
        if (!actor.holds(gate.get().role())) return Verdict.forbidden("deciding " + milestone.label(gate.get()) + " needs the role " + gate.get().role());
        String elsewhere = signOffs.elsewhereThanGate(actor.name(), gate.get().key());
        if (elsewhere != null) {
            return Verdict.forbidden("you already signed off " + elsewhere + " of milestone " + milestone.id()
                    + "; each sign-off on a milestone must come from a different person");
        }
        if (milestone.state().terminal()) {
            return Verdict.conflict("milestone " + milestone.id() + " is " + milestone.state().label() + "; its gates no longer change");
        }
        if (parseDecision(decision).isEmpty()) return Verdict.badRequest("decision must be approved, conditional or rejected");
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    private static String manualGates(GovernedMilestone milestone) {
        return String.join(", ", milestone.gates().stream().filter(GateCondition.ManualApproval.class::isInstance).map(milestone::label).toList());
    }

    private static String listed(GovernedMilestone milestone) {
        String names = manualGates(milestone);
        return names.isEmpty() ? " (it has none)" : " (its manual gates: " + names + ")";
    }
}
