package studio.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may pause and resume a milestone, and reject or re-allow its promotion (the spec's "force-close or pause
 * milestones" and the Control Panel's "Reject Promotion: block further attempts until fix"). Both are brakes, so
 * they are one person's decision with a reason, audited; lifting one needs the same roles, and may be done by the
 * person who put it on (taking the brake off only restores the gates, which still apply). Services (ci) never hold a
 * governing role, so a pipeline can neither pause nor lift anything.
 *
 * <ul>
 *   <li>pause / resume: the milestone's governors (its governedBy role and platform-admin), as for escalation; an
 *       open milestone only, and never one already paused (or, to resume, not paused)</li>
 *   <li>reject promotion / lift the rejection: its governors and the promoters (product-owner, platform-admin); a
 *       Reached milestone only, as only a Reached milestone has a promotion to reject</li>
 * </ul>
 */
public final class HoldPolicy {

    /** Who may release a milestone (Releases' POST /api/releases): they may also refuse its promotion. */
    public static final List<String> PROMOTERS = List.of(Roles.PRODUCT_OWNER, Roles.PLATFORM_ADMIN);

    private HoldPolicy() {}

    public static Verdict pause(Actor actor, GovernedMilestone m, Hold paused, String reason) {
        return who(actor, m.governors(), "pausing milestone " + m.id())
                .or(() -> state(m.state().terminal(), "milestone " + m.id() + " is " + m.state().label() + "; only an open milestone can be paused"))
                .or(() -> paused == null ? Optional.empty() : state(true, "milestone " + m.id() + " is already " + paused.describe("paused")))
                .or(() -> Reasons.required(reason)).orElse(Verdict.ALLOWED);
    }

    public static Verdict resume(Actor actor, GovernedMilestone m, Hold paused, String reason) {
        return who(actor, m.governors(), "resuming milestone " + m.id())
                .or(() -> state(paused == null, "milestone " + m.id() + " is not paused"))
                .or(() -> Reasons.required(reason)).orElse(Verdict.ALLOWED);
    }

    public static Verdict rejectPromotion(Actor actor, GovernedMilestone m, Hold paused, Hold rejected, String reason) {
        return who(actor, promotionDeciders(m), "rejecting the promotion of milestone " + m.id())
                .or(() -> state(m.state() != MilestoneState.REACHED,
                        "milestone " + m.id() + " is " + m.state().label() + "; only a Reached milestone's promotion can be rejected"))
                .or(() -> rejected == null ? Optional.empty()
                        : state(true, "the promotion of milestone " + m.id() + " is already " + rejected.describe("rejected")))
                .or(() -> Reasons.required(reason)).orElse(Verdict.ALLOWED);
    }

    public static Verdict liftRejection(Actor actor, GovernedMilestone m, Hold rejected, String reason) {
        return who(actor, promotionDeciders(m), "lifting the promotion rejection of milestone " + m.id())
                .or(() -> state(rejected == null, "the promotion of milestone " + m.id() + " is not rejected"))
                .or(() -> Reasons.required(reason)).orElse(Verdict.ALLOWED);
    }

    /**
     * Why the milestone may not be promoted now (by a person, the API or autoPromotion), or empty: it is paused, or
     * its promotion was rejected and not yet lifted. The state (Reached or Closed) is checked apart.
     */
    public static Optional<String> promotionRefusal(String milestoneId, Hold paused, Hold rejected) {
        if (paused != null) return Optional.of("milestone " + milestoneId + " is " + paused.describe("paused") + "; resume it first");
        if (rejected != null) {
            return Optional.of("the promotion of milestone " + milestoneId + " was " + rejected.describe("rejected") + "; lift the rejection first");
        }
        return Optional.empty();
    }

    /** Refused while paused: a request that would move the milestone (force close, termination) waits for the pause to be lifted. */
    public static Verdict notPaused(String milestoneId, Hold paused, String what) {
        return paused == null ? Verdict.ALLOWED
                : Verdict.conflict(what + " needs milestone " + milestoneId + " not paused; it is " + paused.describe("paused"));
    }

    /** The governors and the promoters, each once. */
    public static List<String> promotionDeciders(GovernedMilestone m) {
        List<String> roles = new ArrayList<>(m.governors());
        PROMOTERS.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        return List.copyOf(roles);
    }

    private static Optional<Verdict> who(Actor actor, List<String> roles, String what) {
        return actor.holdsAny(roles) ? Optional.empty() : Optional.of(Verdict.forbidden(what + " needs " + Reasons.roles(roles)));
    }

    private static Optional<Verdict> state(boolean refused, String message) {
        return refused ? Optional.of(Verdict.conflict(message)) : Optional.empty();
    }
}
