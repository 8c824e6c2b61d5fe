package studio.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may request, approve and reject a force close or a termination (four eyes on every bypass of a failing gate).
 * Requesting is a governor's act (the milestone's governedBy role or platform-admin); it changes nothing by itself.
 * The milestone moves only when the bypass quorum is met: people of the quorum's roles (one governor by default),
 * never the requester, never the person who escalated the milestone, each counted once. Platform-admin is no
 * exception. Checks run in a fixed order: who (403), when (409), what (400).
 */
public final class BypassPolicy {

    private BypassPolicy() {}

    /** @param open the milestone's bypass of this kind still waiting for approval, if any */
    public static Verdict request(Actor actor, GovernedMilestone milestone, Bypass.Kind kind, Optional<Bypass> open, String reason) {
        if (!actor.holdsAny(milestone.governors())) {
            return Verdict.forbidden("requesting a " + kind.noun() + " of " + milestone.id() + " needs " + Reasons.roles(milestone.governors()));
        }
        Optional<Verdict> when = allowedNow(milestone, kind);
        if (when.isPresent()) return when.get();
        if (open.isPresent()) {
            return Verdict.conflict(kind.noun() + " request " + open.get().id() + " by " + open.get().requestedBy()
                    + " is already waiting for approval");
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    /** @param escalatedBy who escalated the milestone (null when nobody did) */
    public static Verdict approve(Actor actor, GovernedMilestone milestone, Bypass bypass, String escalatedBy, String reason, Instant now) {
        Optional<Verdict> refusal = decide(actor, milestone, bypass, escalatedBy, "approve");
        if (refusal.isPresent()) return refusal.get();
        if (bypass.approvedBy(actor.name())) {
            return Verdict.conflict("you already approved this " + bypass.kind().noun() + "; " + stillNeeded(milestone, bypass) + " must approve it too");
        }
        if (!milestone.bypassQuorum().wouldSeat(bypass.approvals(), OverridePolicy.signature(actor, now))) {
            return Verdict.conflict(Quorum.wouldNotCount(stillNeeded(milestone, bypass)));
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    public static Verdict reject(Actor actor, GovernedMilestone milestone, Bypass bypass, String escalatedBy, String reason) {
        Optional<Verdict> refusal = decide(actor, milestone, bypass, escalatedBy, "reject");
        if (refusal.isPresent()) return refusal.get();
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    /** Whether the approvals so far and {@code next} meet the bypass quorum. */
    public static boolean approvedWith(GovernedMilestone milestone, Bypass bypass, Quorum.Signature next) {
        List<Quorum.Signature> all = new java.util.ArrayList<>(bypass.approvals());
        all.add(next);
        return milestone.bypassQuorum().fill(all).complete();
    }

    /** "a product-owner or platform-admin": who must still approve. */
    public static String stillNeeded(GovernedMilestone milestone, Bypass bypass) {
        return Quorum.describe(milestone.bypassQuorum().fill(bypass.approvals()).open());
    }

    private static Optional<Verdict> decide(Actor actor, GovernedMilestone milestone, Bypass bypass, String escalatedBy, String verb) {
        String what = bypass.kind().noun() + " of " + milestone.id();
        if (actor.name() != null && actor.name().equals(bypass.requestedBy())) {
            return Optional.of(Verdict.forbidden("you requested this " + bypass.kind().noun() + "; a second governor must decide it"));
        }
        if (actor.name() != null && actor.name().equals(escalatedBy)) {
            return Optional.of(Verdict.forbidden("you escalated " + milestone.id() + "; a governor who did not must decide its " + bypass.kind().noun()));
        }
        List<String> roles = List.copyOf(milestone.bypassQuorum().roles());
        if (!actor.holdsAny(roles)) return Optional.of(Verdict.forbidden("to " + verb + " the " + what + " you need " + Reasons.roles(roles)));
        if (bypass.status() != Bypass.Status.REQUESTED) {
            return Optional.of(Verdict.conflict("the " + what + " was already " + bypass.status().json()
                    + (bypass.decidedBy() == null ? "" : " by " + bypass.decidedBy()) + (bypass.decidedAt() == null ? "" : " at " + bypass.decidedAt())));
        }
        return allowedNow(milestone, bypass.kind());
    }

    private static Optional<Verdict> allowedNow(GovernedMilestone milestone, Bypass.Kind kind) {
        if (kind.allowedIn(milestone.state())) return Optional.empty();
        return Optional.of(Verdict.conflict(kind.noun() + " needs " + kind.needs() + "; " + milestone.id() + " is " + milestone.state().label()));
    }
}
