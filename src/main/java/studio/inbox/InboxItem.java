package studio.inbox;

import java.time.Instant;
import java.util.List;
import studio.milestone.MilestonePage;
import studio.milestone.MilestonePaths;

/**
 * One thing that waits for the signed-in person's decision: an override request they may approve or reject, a
 * manual gate whose role they hold, a force close or termination they may approve as a second governor, or a change
 * that loosens a milestone's definition they may approve (decided on the milestone page, where its diff is), or a
 * blocked or escalated milestone they govern that nobody has been asked to decide on (its next steps in
 * {@code justification}, its failing gates in {@code details}). Oldest
 * first by {@code waitingSince}.
 *
 * @param overrideId   the override request (override items only)
 * @param gates        the gates concerned: those the override would cover, or the manual gate
 * @param justification the requester's reason (override items only)
 * @param details      the current results of those gates, so the decision can be taken on the evidence
 * @param bypassId     the force close or termination request (bypass items only)
 * @param stillNeeded  who must still approve besides this person's approval ("a security-officer"), null when none
 * @param changeId     the pending definition change (definition change items only)
 * @param loosens      what that change loosens, one sentence each (definition change items only)
 * @param sprintId     the sprint whose scope waits (sprint scope items only; its status, pending or stale, in {@code justification})
 * @param scopeId      that scope (sprint scope items only)
 */
public record InboxItem(Kind kind, Instant waitingSince, String milestoneId, String milestoneName, String milestoneState,
                        Long overrideId, List<String> gates, String justification, String requestedBy, Instant expiresAt,
                        String role, List<GateDetail> details, Long bypassId, String bypass, String stillNeeded, Long changeId,
                        List<String> loosens, String sprintId, Long scopeId) {

    public enum Kind { OVERRIDE, MANUAL_GATE, BYPASS, DEFINITION_CHANGE, STUCK_MILESTONE, SPRINT_SCOPE }

    /** A sprint's scope waiting for approval (decided on the sprint page); {@code milestoneId} the milestone that asks for it, or null. */
    public boolean isSprintScope() {
        return kind == Kind.SPRINT_SCOPE;
    }

    /** The sprint page's scope panel (sprint scope items only). */
    public String sprintPath() {
        return sprintId == null ? null : "/sprints/" + MilestonePaths.segment(sprintId) + "#scope";
    }

    /** "Force close", "Termination": the bypass requested, as a heading starts it (null for other items). */
    public String bypassLabel() {
        return bypass == null ? null : Character.toUpperCase(bypass.charAt(0)) + bypass.substring(1);
    }

    /** A gate's current result as the milestone's stored report has it. */
    public record GateDetail(String condition, String status, String detail) {}

    public InboxItem {
        gates = List.copyOf(gates);
        details = List.copyOf(details);
        loosens = loosens == null ? List.of() : List.copyOf(loosens);
    }

    public boolean isDefinitionChange() {
        return kind == Kind.DEFINITION_CHANGE;
    }

    public boolean isOverride() {
        return kind == Kind.OVERRIDE;
    }

    public boolean isBypass() {
        return kind == Kind.BYPASS;
    }

    /** What waits, in a few words ("Override request #4 by qa-lead"), as lists of items name it. */
    public String what() {
        return switch (kind) {
            case OVERRIDE -> "Override request #" + overrideId + " by " + requestedBy;
            case MANUAL_GATE -> "Manual gate for " + role;
            case BYPASS -> bypassLabel() + " request #" + bypassId + " by " + requestedBy;
            case DEFINITION_CHANGE -> "Definition change #" + changeId + " by " + requestedBy;
            case STUCK_MILESTONE -> Character.toUpperCase(milestoneState.charAt(0)) + milestoneState.substring(1)
                    + ", nobody asked to decide";
            case SPRINT_SCOPE -> "Scope of sprint " + sprintId + " imported by " + requestedBy;
        };
    }

    /** A blocked or escalated milestone nobody has been asked to decide on (its governors act on its page). */
    public boolean isStuck() {
        return kind == Kind.STUCK_MILESTONE;
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
        return switch (kind) {
            case OVERRIDE -> "/approvals/overrides/" + overrideId;
            case BYPASS -> "/approvals/bypasses/" + bypassId;
            case DEFINITION_CHANGE -> MilestonePaths.page(milestoneId) + "#definition";
            case STUCK_MILESTONE -> MilestonePaths.page(milestoneId);
            case SPRINT_SCOPE -> sprintPath();
            case MANUAL_GATE -> "/approvals/milestones/" + MilestonePaths.segment(milestoneId) + "/gates/" + MilestonePaths.segment(gates.get(0));
        };
    }

    public String milestoneTitle() {
        return milestoneName == null || milestoneName.isBlank() ? milestoneId : milestoneName;
    }

    /** A stable id for the item's form and its refusal message. */
    public String key() {
        return switch (kind) {
            case OVERRIDE -> "override-" + overrideId;
            case BYPASS -> "bypass-" + bypassId;
            case DEFINITION_CHANGE -> "definition-" + changeId;
            case STUCK_MILESTONE -> "stuck-" + milestoneId;
            case SPRINT_SCOPE -> "scope-" + scopeId;
            case MANUAL_GATE -> MilestonePage.GateLine.key(milestoneId, gates.get(0));
        };
    }
}
