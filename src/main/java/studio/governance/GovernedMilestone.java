package studio.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.gate.GateCondition;

/**
 * The parts of a milestone the governance policies look at, with its effective settings.
 *
 * @param approvalRoles  who may approve its overrides (empty means the default, qa-lead)
 * @param governedBy     who may revoke overrides, escalate, and request or approve a force close or termination besides
 *                       platform-admin (null means the default, product-owner)
 * @param overrideQuorum who must approve an override, before the seats its manual gates add (null: one of
 *                       approvalRoles)
 * @param bypassQuorum   who must approve a force close or termination, besides its requester (null: one governor)
 */
public record GovernedMilestone(String id, List<GateCondition> gates, boolean manualOverrideAllowed,
                                List<String> approvalRoles, String governedBy, MilestoneState state,
                                Quorum overrideQuorum, Quorum bypassQuorum) {

    public GovernedMilestone {
        gates = gates == null ? List.of() : List.copyOf(gates);
        approvalRoles = approvalRoles == null || approvalRoles.isEmpty() ? List.of(Roles.QA_LEAD) : List.copyOf(approvalRoles);
        governedBy = governedBy == null ? Roles.PRODUCT_OWNER : governedBy;
        if (overrideQuorum == null) overrideQuorum = Quorum.of(1, approvalRoles);
        if (bypassQuorum == null) bypassQuorum = Quorum.of(1, governors(governedBy));
    }

    /** With the default quorums: one approver of approvalRoles for an override, one governor for a bypass. */
    public GovernedMilestone(String id, List<GateCondition> gates, boolean manualOverrideAllowed, List<String> approvalRoles,
                             String governedBy, MilestoneState state) {
        this(id, gates, manualOverrideAllowed, approvalRoles, governedBy, state, null, null);
    }

    /** The gate a person's reference names: its key, or its bare name where that is unambiguous. */
    public Optional<GateCondition> gate(String reference) {
        return gates.stream().filter(g -> g.namedBy(reference, gates)).findFirst();
    }

    /** Whether {@code reference} is a bare name several gates share ("manualApproval" with two manual gates). */
    public boolean ambiguous(String reference) {
        return reference != null && gate(reference).isEmpty() && gates.stream().filter(g -> g.name().equals(reference.strip())).count() > 1;
    }

    /** How people name the gates: "allSprintsClosed", "manualApproval", or "manualApproval:security-officer" where several share a name. */
    public List<String> gateNames() {
        return gates.stream().map(this::label).toList();
    }

    /** A gate as people name it: its name, or its key where several of the milestone's gates share the name. */
    public String label(GateCondition gate) {
        return gates.stream().filter(g -> g.name().equals(gate.name())).count() > 1 ? gate.key() : gate.name();
    }

    /** Its governedBy role and platform-admin. */
    public List<String> governors() {
        return governors(governedBy);
    }

    /**
     * Who must approve an override of {@code covered}: the override quorum, plus for each manual gate it covers one
     * person holding that gate's role (overriding a sign-off takes someone who could have given it).
     */
    public Quorum overrideQuorumFor(List<GateCondition> covered) {
        List<Quorum.Seat> owners = new ArrayList<>();
        for (GateCondition g : covered) {
            if (g instanceof GateCondition.ManualApproval m) owners.add(new Quorum.Seat(List.of(m.role())));
        }
        return overrideQuorum.plus(owners);
    }

    /** The roles governing a milestone governed by {@code governedBy}: that role and platform-admin. */
    public static List<String> governors(String governedBy) {
        return governedBy.equals(Roles.PLATFORM_ADMIN) ? List.of(governedBy) : List.of(governedBy, Roles.PLATFORM_ADMIN);
    }
}
