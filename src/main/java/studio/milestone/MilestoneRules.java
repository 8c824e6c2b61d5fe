package studio.milestone;

import java.util.List;
import studio.definition.Approvals;
import studio.definition.DefinitionDefaults;
import studio.definition.MilestoneDefinition;
import studio.gate.GateCondition;
import studio.governance.GovernedMilestone;
import studio.governance.Quorum;
import studio.governance.LifecyclePolicy;
import studio.governance.MilestoneState;

/**
 * A milestone's definition with the installation defaults applied: what the gate engine, the lifecycle and the
 * policies need, resolved once.
 */
public record MilestoneRules(
        MilestoneDefinition definition,
        List<GateCondition> gates,
        LifecyclePolicy lifecycle,
        int gateTimeoutSeconds,
        boolean manualOverrideAllowed) {

    public static MilestoneRules of(MilestoneDefinition d, DefinitionDefaults defaults) {
        return new MilestoneRules(d, d.resolveGates(defaults),
                new LifecyclePolicy(d.effectiveAutoPromotion(defaults), d.effectiveRetryOnFailure(defaults), d.effectiveMaxRetries(defaults),
                        d.effectiveRetryCooldownSeconds(defaults)),
                d.effectiveGateTimeoutSeconds(defaults), d.effectiveManualOverrideAllowed(defaults));
    }

    public String id() {
        return definition.id();
    }

    public List<String> requiredFeatures() {
        return definition.requiredFeatures();
    }

    public GovernedMilestone governed(MilestoneState state) {
        List<String> approvers = definition.effectiveApprovalRoles();
        String governedBy = definition.effectiveGovernedBy();
        return new GovernedMilestone(id(), gates, manualOverrideAllowed, approvers, governedBy, state,
                quorum(definition.overrideApprovals(), approvers), quorum(definition.bypassApprovals(), GovernedMilestone.governors(governedBy)));
    }

    /** {@code n} people of {@code roles}, or one of each named role; null (the default) when the definition is silent. */
    private static Quorum quorum(Approvals approvals, List<String> roles) {
        if (approvals == null) return null;
        return approvals.count() != null ? Quorum.of(approvals.count(), roles) : Quorum.oneOfEach(approvals.roles());
    }
}
