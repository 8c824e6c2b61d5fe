package studio.governance;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.MilestoneEvidence.OverrideStatus;

/**
 * Who may request, approve, reject and revoke overrides, and when (API.md "Overrides and manual decisions").
 * Checks run in a fixed order, so one request always gets the same answer: first who is asking (403), then the
 * state of the milestone or request (409), then the content of the request (400).
 */
public final class OverridePolicy {

    private OverridePolicy() {}

    /** @param report the milestone's current gate report, to tell failed and pending gates from passing ones */
    public static Verdict request(Actor actor, GovernedMilestone milestone, GateReport report, OverrideRequestForm form, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return Verdict.forbidden("requesting an override needs a human role other than auditor");
        if (!milestone.manualOverrideAllowed()) return Verdict.forbidden("milestone " + milestone.id() + " does not allow manual overrides");
        if (!milestone.state().beforeReached()) {
            return Verdict.conflict("milestone " + milestone.id() + " is " + milestone.state().label() + "; its gates can no longer be overridden");
        }
        Optional<Verdict> reason = Reasons.required(form.reason());
        if (reason.isPresent()) return reason.get();
        if (form.gates().isEmpty()) return Verdict.badRequest("name at least one gate to override");
        Optional<Verdict> gates = checkGates(milestone, report, form);
        if (gates.isPresent()) return gates.get();
        if (form.expiresAt() != null && !form.expiresAt().isAfter(now)) return Verdict.badRequest("expires_at must be in the future");
        return Verdict.ALLOWED;
    }

    public static Verdict approve(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, String reason, Instant now) {
        Optional<Verdict> refusal = decide(actor, milestone, ticket, "approving");
        if (refusal.isPresent()) return refusal.get();
        if (ticket.expiresAt() != null && !now.isBefore(ticket.expiresAt())) {
            return Verdict.conflict("override " + ticket.id() + " expired at " + ticket.expiresAt() + "; request a new one");
        }
        return Reasons.required(reason).orElse(Verdict.ALLOWED);
    }

    public static Verdict reject(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, String reason) {
        Optional<Verdict> refusal = decide(actor, milestone, ticket, "rejecting");
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

    /** The rules approving and rejecting share: never one's own request, only approval roles, only once. */
    private static Optional<Verdict> decide(Actor actor, GovernedMilestone milestone, OverrideTicket ticket, String verb) {
        if (actor.name() != null && actor.name().equals(ticket.requestedBy())) {
            return Optional.of(Verdict.forbidden("you requested this override; another approver must decide"));
        }
        if (!actor.holdsAny(milestone.approvalRoles())) {
            return Optional.of(Verdict.forbidden(verb + " an override on " + milestone.id() + " needs " + Reasons.roles(milestone.approvalRoles())));
        }
        if (ticket.status() != OverrideStatus.REQUESTED) {
            return Optional.of(Verdict.conflict("override " + ticket.id() + " was already " + ticket.lastDecision()));
        }
        return Optional.empty();
    }

    private static Optional<Verdict> checkGates(GovernedMilestone milestone, GateReport report, OverrideRequestForm form) {
        Set<String> seen = new HashSet<>();
        for (String name : form.gates()) {
            if (!seen.add(name)) return Optional.of(Verdict.badRequest("gate " + name + " is named twice"));
            Optional<String> problem = gateProblem(milestone, report, name);
            if (problem.isPresent()) return Optional.of(Verdict.badRequest(problem.get()));
        }
        return Optional.empty();
    }

    private static Optional<String> gateProblem(GovernedMilestone milestone, GateReport report, String name) {
        Optional<GateCondition> gate = milestone.gate(name);
        if (gate.isEmpty()) {
            return Optional.of("milestone " + milestone.id() + " has no gate '" + name + "' (its gates: " + String.join(", ", milestone.gateNames()) + ")");
        }
        if (gate.get() instanceof GateCondition.NoManualOverridesActive) {
            return Optional.of(name + " cannot be overridden: it reports whether overrides are active");
        }
        Optional<GateResult> result = report.gates().stream().filter(r -> r.condition().equals(name)).findFirst();
        return result.flatMap(r -> switch (r.status()) {
            case PASSED -> Optional.of(name + " already passes; only failed or pending gates can be overridden");
            case OVERRIDDEN -> Optional.of(name + " is already covered by override " + r.overrideId());
            case FAILED, PENDING -> Optional.<String>empty();
        });
    }

    private static String status(OverrideTicket ticket) {
        return ticket.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
