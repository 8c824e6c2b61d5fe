package studio.sprint;

import java.util.ArrayList;
import java.util.List;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.milestone.SprintScopeFacts.LinkedMode;
import studio.web.Attempt;

/**
 * The sprint page's "Scope approval" panel: the current scope, why it needs approval (or that it does not), its
 * decision or the forms to take one, the flag of a start before approval, and the comments on the plan, newest last.
 *
 * @param scope         the current scope (null for a sprint known only from CI evidence)
 * @param staleDecision the decided scope a changed re-import replaced, while the current one waits (else null)
 * @param proposal      a held change to the approved scope in force, waiting for a decision (else null)
 * @param change        what the held change would change (null without one)
 * @param mayDecide     whether the signed-in person may approve or reject what waits (the held change, else the scope)
 * @param mayComment    whether they may comment
 * @param notice        what the action just taken did (null: none)
 * @param attempt       a refused form with what was typed (null: none)
 */
public record SprintScopePanel(String sprintId, SprintScopes.Stored scope, ScopeFact fact, List<LinkedMode> linked, List<String> deciders,
                               SprintScopes.Stored staleDecision, SprintScopes.Stored proposal, ScopeChange change,
                               List<SprintScopes.Flag> flags, List<SprintScopes.Comment> comments, boolean mayDecide, boolean mayComment, String notice, Attempt attempt) {

    public SprintScopePanel {
        linked = List.copyOf(linked);
        deciders = List.copyOf(deciders);
        flags = List.copyOf(flags);
        comments = List.copyOf(comments);
    }

    /** What a decision is taken on: the held change when there is one, else the scope in force. */
    public SprintScopes.Stored decidable() {
        return proposal != null ? proposal : scope;
    }

    /** Where that decision is posted: {@code {path}/approve}, {@code {path}/reject}. */
    public String decidePath() {
        return base() + "/" + decidable().id();
    }

    public String commentPath() {
        return base() + "/comments";
    }

    /** The form a refusal belongs to: "scope-decide-7", "scope-comment". */
    public String decideForm() {
        return "scope-decide-" + decidable().id();
    }

    private String base() {
        return "/sprints/" + studio.milestone.MilestonePaths.segment(sprintId) + "/scope";
    }

    /** The hash as people compare it: its first twelve characters. */
    public String shortHash() {
        return scope == null ? null : scope.hash().substring(0, 12);
    }

    public boolean needsApproval() {
        return fact != null && fact.needsApproval();
    }

    /** "its governance.approvalRequired is true; milestone mvp-ready plans assisted". */
    public String why() {
        List<String> parts = new ArrayList<>();
        if (scope != null && scope.approvalRequired()) parts.add("its governance.approvalRequired is true");
        linked.stream().filter(l -> l.mode().requiresScopeApproval())
                .forEach(l -> parts.add("milestone " + l.milestoneId() + " plans " + l.mode().json()));
        return String.join("; ", parts);
    }

    /** The status as the chip shows it: pending, stale, approved, rejected, none. */
    public String status() {
        return scope == null ? "none" : scope.status();
    }

    public boolean decided() {
        return scope != null && scope.decided();
    }

    public boolean waiting() {
        return proposal != null || scope != null && (scope.status().equals("pending") || scope.status().equals("stale"));
    }

    /** Whether a decision is open here: a held change, or a scope that needs approval and waits. */
    public boolean decisionOpen() {
        return held() || waiting() && needsApproval();
    }

    /** What the buttons decide: "change" (held) or "scope". */
    public String noun() {
        return held() ? "change" : "scope";
    }

    public String rejectQuestion() {
        return held() ? "Reject this change? The approved scope stays in force." : "Reject this scope? The plan has to be revised and imported again.";
    }

    /** A held change waits: the approved scope stays in force until it is decided. */
    public boolean held() {
        return proposal != null;
    }

    /**
     * Whether the page offers the comment form: on a governed plan (its scope needs approval) or one already discussed.
     * An autonomous sprint's page stays a read-only record; its plan can still be commented on through the API.
     */
    public boolean discussed() {
        return needsApproval() || !comments.isEmpty();
    }

    public boolean startedUnapproved() {
        return !flags.isEmpty();
    }

    public String decidersText() {
        return String.join(" or ", deciders);
    }

    /** The refusal for {@code form} (null when that form was not refused). */
    public String errorFor(String form) {
        return attempt != null && attempt.isFor(form) ? attempt.message() : null;
    }

    public String typedFor(String form, String field) {
        return attempt != null && attempt.isFor(form) ? attempt.value(field) : null;
    }

    public SprintScopePanel withOutcome(String notice, Attempt attempt) {
        return new SprintScopePanel(sprintId, scope, fact, linked, deciders, staleDecision, proposal, change, flags, comments, mayDecide, mayComment,
                notice, attempt);
    }
}
