package studio.governance;

import java.time.Instant;
import studio.gate.MilestoneEvidence.OverrideStatus;

/**
 * An override request as the decision policies see it.
 *
 * @param decidedBy who took its latest decision (approved, rejected or revoked it), null while requested
 * @param decidedAt when
 */
public record OverrideTicket(long id, OverrideStatus status, String requestedBy, String decidedBy, Instant decidedAt, Instant expiresAt) {

    /** "approved by qa-lead-2 at 2025-05-15T12:00:00Z". */
    String lastDecision() {
        return status.name().toLowerCase(java.util.Locale.ROOT) + " by " + decidedBy + " at " + decidedAt;
    }
}
