package studio.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import studio.gate.MilestoneEvidence.ScopeStatus;
import studio.gate.PlanningMode;

/**
 * Approval of a sprint's scope (its features, goal and test plan as imported) before it starts: the spec's "Approval
 * Workflow Hooks". A sprint needs it when its own {@code governance.approvalRequired} is true or any milestone it is
 * linked to plans {@code assisted} or {@code manual-only}; {@code approvalRequired: false} never overrides a milestone's
 * mode. A product owner (or a linked milestone's governedBy role) other than the person or token that imported the
 * scope approves or rejects it, always with a reason; a CI token never decides. Checks run in a fixed order: who
 * (403), when (409), what (400).
 */
public final class ScopeApprovalPolicy {

    private ScopeApprovalPolicy() {}

    /**
     * A scope as a decision sees it.
     *
     * @param author    who imported the current scope (null: imported before Studio recorded authors)
     * @param deciders  the roles that may decide it ({@link #deciders})
     */
    public record Scope(String sprintId, String author, ScopeStatus status, boolean needsApproval, List<String> deciders) {
        public Scope {
            deciders = List.copyOf(deciders);
        }
    }

    /** Whether a sprint's scope must be approved: its own approvalRequired, or a linked milestone's planning mode. */
    public static boolean needsApproval(Boolean approvalRequired, Collection<PlanningMode> linkedModes) {
        return Boolean.TRUE.equals(approvalRequired) || linkedModes.stream().anyMatch(PlanningMode::requiresScopeApproval);
    }

    /** product-owner, then each linked milestone's governedBy role. */
    public static List<String> deciders(Collection<String> governedBy) {
        List<String> roles = new ArrayList<>(List.of(Roles.PRODUCT_OWNER));
        governedBy.stream().filter(r -> r != null && !roles.contains(r)).forEach(roles::add);
        return List.copyOf(roles);
    }

    public static Verdict decide(Actor actor, Scope scope, String reason) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) {
            return Verdict.forbidden("a CI token may import a sprint's scope, never approve or reject one; a person decides it");
        }
        if (actor.name() != null && actor.name().equals(scope.author())) {
            return Verdict.forbidden("you imported this scope of " + scope.sprintId() + "; another person must decide it");
        }
        if (!actor.holdsAny(scope.deciders())) {
            return Verdict.forbidden("deciding the scope of " + scope.sprintId() + " needs " + Reasons.roles(scope.deciders()));
        }
        if (!scope.needsApproval()) {
            return Verdict.conflict("the scope of " + scope.sprintId() + " needs no approval: its governance.approvalRequired is not true "
                    + "and no milestone it is linked to plans assisted or manual-only");
        }
        if (scope.status() == ScopeStatus.NONE) return Verdict.conflict(scope.sprintId() + " has no imported scope to decide");
        if (scope.status() == ScopeStatus.APPROVED || scope.status() == ScopeStatus.REJECTED) {
            return Verdict.conflict("the scope of " + scope.sprintId() + " was already " + scope.status().json()
                    + "; a re-import that changes it asks for a new decision");
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    /** Anyone who may act may comment on a plan; a comment says something. */
    public static Verdict comment(Actor actor, String text) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("only people who may act comment on a plan");
        if (text == null || text.isBlank()) return Verdict.badRequest("a comment needs text");
        if (text.length() > 4000) return Verdict.badRequest("a comment has at most 4000 characters, found " + text.length());
        return Verdict.ALLOWED;
    }

    /**
     * Whether a start at {@code startedAt} came before the scope was approved: the scope is not approved now, or its
     * approval ({@code approvedAt}) is later than the start (CI reports starts by their own timestamps).
     */
    public static boolean startedUnapproved(boolean needsApproval, ScopeStatus status, Instant approvedAt, Instant startedAt) {
        if (!needsApproval) return false;
        return status != ScopeStatus.APPROVED || approvedAt == null || approvedAt.isAfter(startedAt);
    }
}
