package studio.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hotfix path's rules (docs/API.md "Hotfixes"): a hotfix skips the lifecycle, so it needs a written justification,
 * one approval more than its environment asks for (by {@code extraRole}, all approvers different people, never the
 * requester) and, once it completed, a review by someone other than its requester within {@link #REVIEW_WITHIN}.
 */
public final class HotfixPolicy {

    /** The shortest justification taken: a sentence, not "urgent". */
    public static final int MIN_JUSTIFICATION = 20;
    /** How long after its completion a hotfix's review is due. */
    public static final Duration REVIEW_WITHIN = Duration.ofDays(5);
    /** Who may review a completed hotfix (never its requester). */
    public static final List<String> REVIEWERS = List.of(Roles.PRODUCT_OWNER, Roles.QA_LEAD, Roles.COMPLIANCE_OFFICER);
    /** Who may request a hotfix. */
    public static final List<String> REQUESTERS = List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN);

    private HotfixPolicy() {}

    /** Why {@code justification} is not enough, naming the field; empty when it is. */
    public static Optional<String> justificationRefusal(String justification) {
        String text = justification == null ? "" : justification.strip();
        if (text.isEmpty()) return Optional.of("'justification' is required: why this hotfix skips the lifecycle");
        if (text.length() < MIN_JUSTIFICATION) {
            return Optional.of("'justification' must be at least " + MIN_JUSTIFICATION + " characters (it has " + text.length()
                    + "): say why this hotfix skips the lifecycle");
        }
        return Optional.empty();
    }

    /**
     * The environment's {@code policy} with one approval more by {@code extraRole}: its requirement's count goes up by
     * one when the role approves there already, else it is a requirement of its own. Every approver is a different
     * person; the default TTL and timeout apply where the environment had none.
     */
    public static ReleasePolicy stricter(ReleasePolicy policy, String extraRole) {
        List<ApprovalRequirement> more = new ArrayList<>();
        boolean raised = false;
        for (ApprovalRequirement r : policy.requirements()) {
            boolean here = r.roles().contains(extraRole);
            more.add(here ? new ApprovalRequirement(r.roles(), r.count() + 1) : r);
            raised |= here;
        }
        if (!raised) more.add(ApprovalRequirement.one(extraRole));
        return new ReleasePolicy(policy.environment(), more, true,
                policy.approvalTtl() == null ? ReleasePolicy.DEFAULT_TTL : policy.approvalTtl(),
                policy.approvalTimeout() == null ? ReleasePolicy.DEFAULT_TIMEOUT : policy.approvalTimeout(), policy.protectedEnvironment());
    }

    /**
     * Whether {@code reviewer} may review the hotfix {@code requester} asked for now: 403 for its requester or a role
     * that does not review, 409 before it completed ({@code open} null) or once reviewed ({@code open} false).
     */
    public static Verdict review(String requester, Actor reviewer, Boolean open, String notes) {
        if (!reviewer.holdsAny(REVIEWERS)) return Verdict.forbidden("a hotfix is reviewed by a " + String.join(", ", REVIEWERS));
        if (reviewer.name().equals(requester)) return Verdict.forbidden("nobody reviews a hotfix they requested (" + requester + " requested it)");
        if (open == null) return Verdict.conflict("the hotfix has not completed; its review opens when CI reports it completed");
        if (!open) return Verdict.conflict("the hotfix was reviewed already");
        if (notes == null || notes.isBlank()) return Verdict.badRequest("'notes' is required: what the review found");
        return Verdict.ALLOWED;
    }
}
