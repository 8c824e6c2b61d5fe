package studio.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.gate.MilestoneEvidence.ScopeStatus;

/**
 * {@code sprintScopesApproved}: failed when a sprint that needs its scope approved started before it was (approving it
 * later does not undo that; an override of the gate is the governed way past it) or had its scope rejected; pending
 * while a scope waits for a decision (pending, stale after a re-import, or no scope imported yet) or no sprint is linked;
 * passed when every sprint that needs approval has its current scope approved (or none needs one).
 */
final class ScopeApprovalRule {

    private ScopeApprovalRule() {}

    static GateResult evaluate(GateCondition gate, MilestoneEvidence ev) {
        List<ScopeFact> governed = ev.scopes().values().stream().filter(ScopeFact::needsApproval).toList();
        List<String> startedEarly = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        for (ScopeFact s : governed) {
            if (s.startedUnapproved() != null) startedEarly.add(s.sprintId() + " started while its scope was " + s.startedUnapproved().json());
            if (s.status() == ScopeStatus.REJECTED) rejected.add(s.sprintId());
            else if (s.status() == ScopeStatus.APPROVED) approved.add(s.sprintId());
            else waiting.add(s.sprintId() + " (" + (s.status() == ScopeStatus.NONE ? "no scope imported" : s.status().json()) + ")");
        }
        List<EvidenceRef> evidence = governed.stream().map(ScopeFact::source).filter(Objects::nonNull).toList();
        String detail = detail(ev, governed, startedEarly, rejected, waiting, approved);
        GateStatus status = !startedEarly.isEmpty() || !rejected.isEmpty() ? GateStatus.FAILED
                : !waiting.isEmpty() || ev.scopes().isEmpty() ? GateStatus.PENDING : GateStatus.PASSED;
        return Results.of(gate, status, detail, evidence);
    }

    /** "started unapproved: s1 started while its scope was pending; rejected: s2; awaiting approval: s3 (stale); approved: s4". */
    private static String detail(MilestoneEvidence ev, List<ScopeFact> governed, List<String> startedEarly, List<String> rejected,
                                 List<String> waiting, List<String> approved) {
        if (ev.scopes().isEmpty()) return "no sprint linked yet";
        if (governed.isEmpty()) return "no linked sprint needs its scope approved";
        List<String> parts = new ArrayList<>();
        if (!startedEarly.isEmpty()) parts.add("started unapproved: " + String.join(", ", startedEarly));
        if (!rejected.isEmpty()) parts.add("scope rejected: " + String.join(", ", rejected));
        if (!waiting.isEmpty()) parts.add("awaiting approval: " + String.join(", ", waiting));
        if (!approved.isEmpty()) parts.add("approved: " + String.join(", ", approved));
        return String.join("; ", parts);
    }
}
