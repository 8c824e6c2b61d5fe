package studio.gate;

import java.util.List;
import studio.gate.MilestoneEvidence.DecisionFact;

/**
 * {@code manualApproval: <role>}: the newest decision by a person holding the role. Approved passes, rejected
 * fails, conditional stays pending with its condition shown ("fix X first"); no decision yet is pending.
 */
final class ManualApprovalRule {

    private ManualApprovalRule() {}

    static GateResult evaluate(GateCondition.ManualApproval gate, MilestoneEvidence ev) {
        DecisionFact decision = ev.approvals().get(gate.role());
        if (decision == null) return Results.of(gate, GateStatus.PENDING, "awaiting " + gate.role(), List.of());
        List<EvidenceRef> evidence = List.of(decision.source());
        return switch (decision.decision()) {
            case APPROVED -> Results.of(gate, GateStatus.PASSED, said("approved by ", decision), evidence);
            case REJECTED -> Results.of(gate, GateStatus.FAILED, said("rejected by ", decision), evidence);
            case CONDITIONAL -> Results.of(gate, GateStatus.PENDING, said("conditionally approved by ", decision), evidence);
        };
    }

    /** "approved by qa-lead-2: reason". */
    private static String said(String verb, DecisionFact d) {
        boolean reason = d.reason() != null && !d.reason().isBlank();
        return verb + d.by() + (reason ? ": " + d.reason() : "");
    }
}
