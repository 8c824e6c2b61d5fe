package studio.inbox;

import java.time.Instant;
import java.util.List;
import studio.milestone.MilestonePaths;

/**
 * One thing that waits for the signed-in person's decision: an override request they may approve or reject, or a
 * manual gate whose role they hold. Oldest first by {@code waitingSince}.
 *
 * @param overrideId   the override request (override items only)
 * @param gates        the gates concerned: those the override would cover, or the manual gate
 * @param justification the requester's reason (override items only)
 * @param details      the current results of those gates, so the decision can be taken on the evidence
 */
public record InboxItem(Kind kind, Instant waitingSince, String milestoneId, String milestoneName, String milestoneState,
                        Long overrideId, List<String> gates, String justification, String requestedBy, Instant expiresAt,
                        String role, List<GateDetail> details) {

    public enum Kind { OVERRIDE, MANUAL_GATE }

    /** A gate's current result as the milestone's stored report has it. */
    public record GateDetail(String condition, String status, String detail) {}

    public InboxItem {
        gates = List.copyOf(gates);
        details = List.copyOf(details);
    }

    public boolean isOverride() {
        return kind == Kind.OVERRIDE;
    }

    /** The manual gate's name (manual gate items only). */
    public String gate() {
        return kind == Kind.MANUAL_GATE ? gates.get(0) : null;
    }

    /** The milestone page. */
    public String milestonePath() {
        return MilestonePaths.page(milestoneId);
    }

    /** Where this item's decision is posted. */
    public String decidePath() {
        return kind == Kind.OVERRIDE ? "/approvals/overrides/" + overrideId
                : "/approvals/milestones/" + MilestonePaths.segment(milestoneId) + "/gates/" + MilestonePaths.segment(gates.get(0));
    }

    public String milestoneTitle() {
        return milestoneName == null || milestoneName.isBlank() ? milestoneId : milestoneName;
    }

    /** A stable id for the item's form and its refusal message. */
    public String key() {
        return kind == Kind.OVERRIDE ? "override-" + overrideId : "gate-" + milestoneId + "-" + gates.get(0);
    }
}
