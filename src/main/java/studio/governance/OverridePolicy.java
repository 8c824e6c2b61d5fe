package studio.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence.OverrideStatus;

/**
 * Who may request, approve, reject and revoke overrides, and when (docs/API.md "Overrides and manual decisions").
 * Checks run in a fixed order, so one request always gets the same answer: first who is asking (403), then the
 * state of the milestone or request (409), then the content of the request (400).
 *
 * <p>An override is approved when its quorum is met: the milestone's {@code overrideApprovals} (one person of its
 * approvalRoles by default), plus one person holding the role of each manual gate it covers. Approvers are never the
 * requester, each counts once, and nobody who signed off on another manual gate or override of the milestone counts.
 * A request must be able to make the milestone reachable: every failing gate is covered, and
 * {@code noManualOverridesActive}, which any approved override makes fail, is named explicitly.
 */
public final class OverridePolicy {

    private OverridePolicy() {}

    /** @param report the milestone's current gate report, to tell failed and pending gates from passing ones */
    public static Verdict request(Actor actor, GovernedMilestone milestone, GateReport report, OverrideRequestForm form, Instant now) {
        Optional<Verdict> who = mayAsk(actor, milestone);
        if (who.isPresent()) return who.get();
        Optional<Verdict> reason = Reasons.required(form.reason());
        if (reason.isPresent()) return reason.get();
        if (form.gates().isEmpty()) return Verdict.badRequest("name at least one gate to override");
        Optional<Verdict> gates = checkGates(milestone, report, form);
        if (gates.isPresent()) return gates.get();
        if (form.expiresAt() != null && !form.expiresAt().isAfter(now)) return Verdict.badRequest("expires_at must be in the future");
        List<String> covered = form.gates().stream().map(r -> milestone.gate(r).orElseThrow().key()).toList();
        List<String> stillNeeded = stillNeeded(milestone, report, covered);
        if (!stillNeeded.isEmpty()) {
            return Verdict.badRequest("this override could not make " + milestone.id() + " reachable: it would still need "
                    + String.join(", ", stillNeeded) + "; name those gates too");
        }
        return Verdict.ALLOWED;
    }

    /**
     * Whether {@code actor} may name {@code gate} in an override request now (what a request form offers); the request
     * as a whole must still cover every failing gate.
     */
    public static boolean mayName(Actor actor, GovernedMilestone milestone, GateReport report, String gate) {
        return mayAsk(actor, milestone).isEmpty() && !milestone.ambiguous(gate) && gateProblem(milestone, report, gate).isEmpty();
    }

    /** What an override of nothing yet would still need: every failing gate, and noManualOverridesActive where it is a gate. */
    public static List<String> mustCover(GovernedMilestone milestone, GateReport report) {
        return stillNeeded(milestone, report, List.of());
    }

    private static Optional<Verdict> mayAsk(Actor actor, GovernedMilestone milestone) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Optional.of(Verdict.forbidden("requesting an override needs a human role other than auditor"));
        if (!milestone.manualOverrideAllowed()) return Optional.of(Verdict.forbidden("milestone " + milestone.id() + " does not allow manual overrides"));
        if (!milestone.state().beforeReached()) {
            return Optional.of(Verdict.conflict("milestone " + milestone.id() + " is " + milestone.state().label()
                    + "; its gates can no longer be overridden"));
        }
        return Optional.empty();
    }

    /** The gates a request names, as stored: each gate's name, or "manualApproval:product-owner" where several share one. */
    public static List<String> canonical(GovernedMilestone milestone, List<String> references) {
        return references.stream().map(r -> milestone.gate(r).map(milestone::label).orElse(r)).toList();
    }

    /** Who must approve {@code ticket}: the override quorum plus the owners of the manual gates it covers. */
    public static Quorum quorum(GovernedMilestone milestone, OverrideTicket ticket) {
        List<GateCondition> covered = ticket.gates().stream().map(milestone::gate).flatMap(Optional::stream).toList();
        return milestone.overrideQuorumFor(covered);
    }

    /** @param signOffs who signed off on the milestone already (manual gates, other overrides) */
    public static Verdict approve(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, SignOffs signOffs, String reason, Instant now) {
        Quorum quorum = quorum(milestone, ticket);
        Optional<Verdict> refusal = decide(actor, milestone, ticket, quorum, "approving");
        if (refusal.isPresent()) return refusal.get();
        if (ticket.expiresAt() != null && !now.isBefore(ticket.expiresAt())) {
            return Verdict.conflict("override " + ticket.id() + " expired at " + ticket.expiresAt() + "; request a new one");
        }
        if (ticket.approvedBy(actor.name())) {
            return Verdict.conflict("you already approved override " + ticket.id() + "; " + stillNeeded(quorum, ticket) + " must approve it too");
        }
        String elsewhere = signOffs.elsewhereThanOverride(actor.name(), ticket.id());
        if (elsewhere != null) {
            return Verdict.forbidden("you already signed off " + elsewhere + " of milestone " + milestone.id()
                    + "; each sign-off on a milestone must come from a different person");
        }
        if (!quorum.wouldSeat(ticket.approvals(), signature(actor, now))) return Verdict.conflict(Quorum.wouldNotCount(stillNeeded(quorum, ticket)));
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    public static Verdict reject(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, String reason) {
        Optional<Verdict> refusal = decide(actor, milestone, ticket, quorum(milestone, ticket), "rejecting");
        if (refusal.isPresent()) return refusal.get();
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    public static Verdict revoke(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, String reason) {
        if (!actor.holdsAny(milestone.governors())) return Verdict.forbidden("revoking an override needs " + Reasons.roles(milestone.governors()));
        if (ticket.status() == OverrideStatus.REVOKED) return Verdict.conflict("override " + ticket.id() + " was already " + ticket.lastDecision());
        if (ticket.status() != OverrideStatus.APPROVED) {
            return Verdict.conflict("only an approved override can be revoked; override " + ticket.id() + " is " + status(ticket));
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    /** The approval {@code actor} gives now, with the roles they hold. */
    public static Quorum.Signature signature(Actor actor, Instant now) {
        return new Quorum.Signature(actor.name(), actor.roles(), now);
    }

    /** Whether {@code ticket}'s approvals (and {@code next}, when given) meet its quorum. */
    public static boolean approvedWith(GovernedMilestone milestone, OverrideTicket ticket, Quorum.Signature next) {
        List<Quorum.Signature> all = new ArrayList<>(ticket.approvals());
        if (next != null) all.add(next);
        return quorum(milestone, ticket).fill(all).complete();
    }

    /** "a security-officer": who is still needed after the approvals given so far. */
    public static String stillNeeded(Quorum quorum, OverrideTicket ticket) {
        return Quorum.describe(quorum.fill(ticket.approvals()).open());
    }

    /** The rules approving and rejecting share: never one's own request, only the quorum's roles, only while open. */
    private static Optional<Verdict> decide(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, Quorum quorum, String verb) {
        if (actor.name() != null && actor.name().equals(ticket.requestedBy())) {
            return Optional.of(Verdict.forbidden("you requested this override; another approver must decide"));
        }
        List<String> roles = List.copyOf(quorum.roles());
        if (!actor.holdsAny(roles)) {
            return Optional.of(Verdict.forbidden(verb + " an override on " + milestone.id() + " needs " + Reasons.roles(roles)));
        }
        if (ticket.status() != OverrideStatus.REQUESTED) {
            return Optional.of(Verdict.conflict("override " + ticket.id() + " was already " + ticket.lastDecision()));
        }
        return Optional.empty();
    }

    private static Optional<Verdict> checkGates(GovernedMilestone milestone, GateReport report, OverrideRequestForm form) {
        Set<String> seen = new HashSet<>();
        for (String name : form.gates()) {
            Optional<String> problem = gateProblem(milestone, report, name);
            if (problem.isPresent()) return Optional.of(Verdict.badRequest(problem.get()));
            if (!seen.add(milestone.gate(name).orElseThrow().key())) return Optional.of(Verdict.badRequest("gate " + name + " is named twice"));
        }
        return Optional.empty();
    }

    private static Optional<String> gateProblem(GovernedMilestone milestone, GateReport report, String name) {
        if (milestone.ambiguous(name)) {
            return Optional.of(name + " names several gates of " + milestone.id() + "; name the one you mean: "
                    + String.join(" or ", milestone.gateNames().stream().filter(k -> k.startsWith(name.strip() + ":")).toList()));
        }
        Optional<GateCondition> gate = milestone.gate(name);
        if (gate.isEmpty()) {
            return Optional.of("milestone " + milestone.id() + " has no gate '" + name + "' (its gates: " + String.join(", ", milestone.gateNames()) + ")");
        }
        Optional<GateResult> result = result(report, gate.get().key());
        boolean noOverrides = gate.get() instanceof GateCondition.NoManualOverridesActive;
        return result.flatMap(r -> switch (r.status()) {
            // noManualOverridesActive passes until an override is approved: naming it is the deliberate bypass.
            case PASSED -> noOverrides ? Optional.<String>empty() : Optional.of(name + " already passes; only failed or pending gates can be overridden");
            case OVERRIDDEN -> Optional.of(name + " is already covered by override " + r.overrideId());
            case FAILED, PENDING -> Optional.<String>empty();
        });
    }

    /**
     * What the milestone would still fail if an override of {@code keys} were approved: each failing gate it does not
     * cover, and noManualOverridesActive (which fails as soon as an override is approved) when it is not named.
     */
    static List<String> stillNeeded(GovernedMilestone milestone, GateReport report, List<String> keys) {
        Set<String> needed = new LinkedHashSet<>();
        for (GateCondition gate : milestone.gates()) {
            if (keys.contains(gate.key())) continue;
            GateStatus status = result(report, gate.key()).map(GateResult::status).orElse(GateStatus.PENDING);
            if (status == GateStatus.FAILED) needed.add(milestone.label(gate) + " (failed)");
            else if (gate instanceof GateCondition.NoManualOverridesActive && status != GateStatus.OVERRIDDEN) {
                needed.add(milestone.label(gate) + " (fails once an override is approved)");
            }
        }
        return List.copyOf(needed);
    }

    private static Optional<GateResult> result(GateReport report, String key) {
        return report.gates().stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private static String status(OverrideTicket ticket) {
        return ticket.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
