package studio.governance;


/**
 * Who may escalate a milestone: its governedBy role or platform-admin, always with a reason. Whether the
 * milestone's state allows the step is the lifecycle's answer, not this policy's. Force close and termination
 * bypass failing gates and so need a second person: {@link BypassPolicy}.
 */
public final class GovernancePolicy {

    private GovernancePolicy() {}

    public static Verdict escalate(Actor actor, GovernedMilestone milestone, String reason) {
        return govern(actor, milestone, reason, "escalating");
    }

    private static Verdict govern(Actor actor, GovernedMilestone milestone, String reason, String verb) {
        if (!actor.holdsAny(milestone.governors())) {
            return Verdict.forbidden(verb + " milestone " + milestone.id() + " needs " + Reasons.roles(milestone.governors()));
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }
}
