package studio.governance;

import java.time.Instant;
import java.util.List;
import studio.gate.MilestoneEvidence.OverrideStatus;

/**
 * An override request as the decision policies see it.
 *
 * @param decidedBy who took its latest decision (approved, rejected or revoked it), null while requested
 * @param decidedAt when
 * @param gates     the gates it covers, as stored (gate keys)
 * @param approvals the approvals given so far, oldest first (a quorum may need several)
 */
public record OverrideTicket(long id, OverrideStatus status, String requestedBy, String decidedBy, Instant decidedAt,
                             Instant expiresAt, List<String> gates, List<Quorum.Signature> approvals) {

    public OverrideTicket {
        gates = gates == null ? List.of() : List.copyOf(gates);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** A ticket with no gates or approvals on record (decisions that do not depend on them). */
    public OverrideTicket(long id, OverrideStatus status, String requestedBy, String decidedBy, Instant decidedAt, Instant expiresAt) {
        this(id, status, requestedBy, decidedBy, decidedAt, expiresAt, List.of(), List.of());
    }

    /** Whether {@code person} approved it already. */
    public boolean approvedBy(String person) {
        return approvals.stream().anyMatch(a -> a.person().equals(person));
    }

    /** Still waiting for approvals, or approved: its approvers have signed off on the milestone. */
    public boolean live() {
        return status == OverrideStatus.REQUESTED || status == OverrideStatus.APPROVED;
    }

    /** "approved by qa-lead-2 at 2025-05-15T12:00:00Z". */
    String lastDecision() {
        return status.name().toLowerCase(java.util.Locale.ROOT) + " by " + decidedBy + " at " + decidedAt;
    }
}
