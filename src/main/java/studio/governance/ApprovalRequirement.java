package studio.governance;

import java.util.HashSet;
import java.util.List;

/**
 * One part of a release policy: {@code count} different people approving in one of {@code roles} (usually a
 * single role; several when manualApprovalRequired names approvalRoles, any of which may sign).
 */
public record ApprovalRequirement(List<String> roles, int count) {

    public ApprovalRequirement {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) throw new IllegalArgumentException("an approval requirement names at least one role");
        if (new HashSet<>(roles).size() != roles.size()) throw new IllegalArgumentException("role named twice in " + roles);
        for (String role : roles) {
            if (!Roles.ACTING_HUMANS.contains(role)) {
                throw new IllegalArgumentException("'" + role + "' cannot approve releases (roles that can: " + String.join(", ", Roles.ACTING_HUMANS) + ")");
            }
        }
        if (count < 1) throw new IllegalArgumentException("an approval requirement needs a count of at least 1, not " + count);
    }

    public static ApprovalRequirement one(String role) {
        return new ApprovalRequirement(List.of(role), 1);
    }

    /** "a product-owner", "a qa-lead or product-owner", "2 people holding qa-lead": {@code n} approvals of this kind. */
    String describe(int n) {
        String who = String.join(" or ", roles);
        return n == 1 ? "a " + who : n + " people holding " + who;
    }
}
