package studio.governance;

/**
 * A blocked or escalated milestone that nobody has been asked to decide on (no override request and no force close or
 * termination request open) waits on its governors, the governedBy role or platform-admin: a blocked one to be
 * escalated or resumed, an escalated one to be resumed, force-closed or terminated (four-eyes requests). So it is in
 * their approvals inbox and counted in their badge, and nothing waits unseen.
 */
public final class AttentionPolicy {

    private AttentionPolicy() {}

    /** Whether a milestone in {@code state} waits for its governors ({@code requestOpen}: someone was already asked). */
    public static boolean waiting(MilestoneState state, boolean requestOpen) {
        return (state == MilestoneState.BLOCKED || state == MilestoneState.ESCALATED) && !requestOpen;
    }

    /** Whether {@code actor} is one of the people the milestone waits on. */
    public static Verdict mayAct(Actor actor, GovernedMilestone milestone) {
        if (actor.holdsAny(milestone.governors())) return Verdict.ALLOWED;
        return Verdict.forbidden("acting on stuck milestone " + milestone.id() + " needs " + Reasons.roles(milestone.governors()));
    }

    /** What its governors may do now, as the inbox says it. */
    public static String nextSteps(MilestoneState state) {
        return state == MilestoneState.ESCALATED
                ? "Escalated and nobody has been asked to decide: resume it, or request a force close or termination (a second governor approves)."
                : "Blocked and nobody has been asked to decide: escalate it, resume it once the evidence is fixed, or ask for an override of its failing gates.";
    }
}
