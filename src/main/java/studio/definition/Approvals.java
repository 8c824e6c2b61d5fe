package studio.definition;

import java.util.List;

/**
 * Who must approve an override or a bypass of a milestone, besides the rules that always hold (never the requester,
 * one person counts once): {@code overrideApprovals: 2} asks for two different people of the usual roles,
 * {@code bypassApprovals: [product-owner, security-officer]} for one person of each role named.
 *
 * @param count how many people (null when roles are named)
 * @param roles one person holding each (empty when a count is given)
 */
public record Approvals(Integer count, List<String> roles) {

    public Approvals {
        roles = List.copyOf(roles);
        if ((count == null) == roles.isEmpty()) throw new IllegalArgumentException("approvals are a count or a list of roles");
        if (count != null && count < 1) throw new IllegalArgumentException("approvals need at least one person, not " + count);
    }

    public static Approvals count(int n) {
        return new Approvals(n, List.of());
    }

    public static Approvals roles(List<String> roles) {
        return new Approvals(null, roles);
    }

    /** As the definition writes it: the number, or the list of roles. */
    public Object written() {
        return count != null ? count : roles;
    }
}
