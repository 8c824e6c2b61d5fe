package studio.governance;

import java.util.List;
import java.util.Optional;
import studio.gate.GateCondition;

/**
 * The parts of a milestone the governance policies look at, with its effective settings.
 *
 * @param approvalRoles who may approve its overrides (empty means the default, qa-lead)
 * @param governedBy    who may revoke overrides, escalate, force close and terminate besides platform-admin
 *                      (null means the default, product-owner)
 */
public record GovernedMilestone(String id, List<GateCondition> gates, boolean manualOverrideAllowed,
                                List<String> approvalRoles, String governedBy, MilestoneState state) {

    public GovernedMilestone {
        gates = gates == null ? List.of() : List.copyOf(gates);
        approvalRoles = approvalRoles == null || approvalRoles.isEmpty() ? List.of(Roles.QA_LEAD) : List.copyOf(approvalRoles);
        governedBy = governedBy == null ? Roles.PRODUCT_OWNER : governedBy;
    }

    public Optional<GateCondition> gate(String name) {
        return gates.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public List<String> gateNames() {
        return gates.stream().map(GateCondition::name).toList();
    }

    /** Its governedBy role and platform-admin. */
    public List<String> governors() {
        return governedBy.equals(Roles.PLATFORM_ADMIN) ? List.of(governedBy) : List.of(governedBy, Roles.PLATFORM_ADMIN);
    }
}
