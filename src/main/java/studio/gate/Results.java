package studio.gate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Construction of gate results, so every rule fills the fields the same way. */
final class Results {

    private Results() {}

    static GateResult of(GateCondition gate, GateStatus status, Double threshold, Double actual, String detail,
                         Collection<EvidenceRef> evidence) {
        String role = gate instanceof GateCondition.ManualApproval m ? m.role() : null;
        return new GateResult(gate.name(), status, threshold, role, actual, detail, refs(evidence), null, null);
    }

    static GateResult of(GateCondition gate, GateStatus status, String detail, Collection<EvidenceRef> evidence) {
        return of(gate, status, null, null, detail, evidence);
    }

    /** The result, now covered by {@code override}: status OVERRIDDEN, the underlying detail kept. */
    static GateResult overridden(GateResult result, MilestoneEvidence.OverrideFact override) {
        List<EvidenceRef> evidence = new ArrayList<>(result.evidence());
        evidence.add(override.source());
        return new GateResult(result.condition(), GateStatus.OVERRIDDEN, result.threshold(), result.role(), result.actual(),
                result.detail(), refs(evidence), override.id(), override.decidedBy());
    }

    /** Evidence refs without nulls or repeats, in first-use order. */
    static List<EvidenceRef> refs(Collection<EvidenceRef> evidence) {
        return List.copyOf(new LinkedHashSet<>(evidence.stream().filter(Objects::nonNull).toList()));
    }
}
