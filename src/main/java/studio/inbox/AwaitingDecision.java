package studio.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.gate.GateCondition;
import studio.governance.Actor;
import studio.governance.AttentionPolicy;
import studio.governance.Bypass;
import studio.governance.BypassPolicy;
import studio.governance.DefinitionChangePolicy;
import studio.governance.GovernedMilestone;
import studio.governance.ManualDecisionPolicy;
import studio.governance.OverridePolicy;
import studio.governance.OverrideTicket;
import studio.governance.Roles;
import studio.governance.ScopeApprovalPolicy;
import studio.governance.SignOffs;
import studio.inbox.InboxItem.GateDetail;
import studio.inbox.InboxItem.Kind;
import studio.milestone.ControlPanel;

/**
 * What waits for one person's decision, decided by the same policies the server enforces when they act: override
 * requests they may approve (their role is in its quorum, they did not request it, their approval would count, it is
 * still requested and unexpired), manual gates still pending whose role they hold, and force closes or terminations
 * they may approve as a second governor, changes that loosen a milestone's definition they may approve, and the
 * blocked or escalated milestones they govern that nobody has been asked to decide on ({@link AttentionPolicy}).
 * Nobody is offered a sign-off that would be their second on one milestone.
 * Oldest first.
 */
public final class AwaitingDecision {

    private AwaitingDecision() {}

    /** An override request and its milestone, as stored, with who signed off on the milestone already. */
    public record OverrideCandidate(OverrideTicket ticket, GovernedMilestone milestone, String milestoneName, List<String> gates,
                                    String justification, Instant requestedAt, JsonNode report, SignOffs signOffs) {}

    /** A milestone with manual gates, as stored; {@code since} is when it entered its current state. */
    public record GateCandidate(GovernedMilestone milestone, String milestoneName, Instant since, JsonNode report, SignOffs signOffs) {}

    /** A force close or termination waiting for approval, with its milestone and who escalated it. */
    public record BypassCandidate(Bypass bypass, GovernedMilestone milestone, String milestoneName, String reason, Instant requestedAt,
                                  String escalatedBy, JsonNode report) {}

    /** A change that loosens a governed milestone's definition, waiting for a second person. */
    public record DefinitionChangeCandidate(long changeId, GovernedMilestone milestone, String milestoneName, String author,
                                            Instant proposedAt, List<String> loosens) {}

    /**
     * A blocked or escalated milestone; {@code since} is when it got there, {@code asked} whether an override or bypass
     * request is open on it (then those asked decide, not its governors here).
     */
    public record StuckCandidate(GovernedMilestone milestone, String milestoneName, Instant since, JsonNode report, boolean asked) {}

    /**
     * A sprint's current scope waiting for approval (pending, or stale after a changed re-import), as its policy judges
     * it; {@code milestoneId} is the assisted or manual-only milestone that asks for it, else a milestone the sprint is
     * linked to, else "" (only the sprint's own approvalRequired asks for it).
     */
    public record ScopeCandidate(ScopeApprovalPolicy.Scope scope, long scopeId, String sprintName, Instant importedAt,
                                 String milestoneId, String milestoneName, String milestoneState) {}

    /** Everything that may wait for someone, as the inbox's queries read it. */
    public record Candidates(List<OverrideCandidate> overrides, List<GateCandidate> gates, List<BypassCandidate> bypasses,
                             List<DefinitionChangeCandidate> changes, List<StuckCandidate> stuck, List<ScopeCandidate> scopes) {

        public Candidates(List<OverrideCandidate> overrides, List<GateCandidate> gates, List<BypassCandidate> bypasses,
                          List<DefinitionChangeCandidate> changes, List<StuckCandidate> stuck) {
            this(overrides, gates, bypasses, changes, stuck, List.of());
        }
    }

    public static List<InboxItem> of(Actor actor, Candidates c, Instant now) {
        List<InboxItem> items = new ArrayList<>(of(actor, c.overrides(), c.gates(), c.bypasses(), c.changes(), c.stuck(), now));
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return items;
        for (ScopeCandidate sc : c.scopes()) {
            if (ScopeApprovalPolicy.decide(actor, sc.scope(), ControlPanel.REASON_TO_BE_GIVEN).allowed()) items.add(item(sc));
        }
        items.sort(ORDER);
        return items;
    }

    private static final Comparator<InboxItem> ORDER = Comparator.comparing(InboxItem::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxItem::key);

    private static InboxItem item(ScopeCandidate c) {
        return new InboxItem(Kind.SPRINT_SCOPE, c.importedAt(), c.milestoneId(), c.milestoneName(), c.milestoneState(), null, List.of(),
                c.scope().status().json(), c.scope().author(), null, null, List.of(), null, null, null, null, null,
                c.scope().sprintId(), c.scopeId());
    }

    public static List<InboxItem> of(Actor actor, List<OverrideCandidate> overrides, List<GateCandidate> gates, List<BypassCandidate> bypasses,
                                     List<DefinitionChangeCandidate> changes, List<StuckCandidate> stuck, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return List.of();
        List<InboxItem> items = new ArrayList<>();
        for (OverrideCandidate o : overrides) {
            if (OverridePolicy.approve(actor, o.milestone(), o.ticket(), o.signOffs(), ControlPanel.REASON_TO_BE_GIVEN, now).allowed()) {
                items.add(item(o));
            }
        }
        for (GateCandidate g : gates) items.addAll(manualGates(actor, g));
        for (BypassCandidate b : bypasses) {
            if (BypassPolicy.approve(actor, b.milestone(), b.bypass(), b.escalatedBy(), ControlPanel.REASON_TO_BE_GIVEN, now).allowed()) {
                items.add(item(b));
            }
        }
        for (DefinitionChangeCandidate c : changes) {
            if (DefinitionChangePolicy.decide(actor, c.milestone(), c.author(), true, ControlPanel.REASON_TO_BE_GIVEN).allowed()) items.add(item(c));
        }
        for (StuckCandidate s : stuck) {
            if (AttentionPolicy.waiting(s.milestone().state(), s.asked()) && AttentionPolicy.mayAct(actor, s.milestone()).allowed()) items.add(item(s));
        }
        items.sort(ORDER);
        return items;
    }

    private static InboxItem item(OverrideCandidate o) {
        return new InboxItem(Kind.OVERRIDE, o.requestedAt(), o.milestone().id(), o.milestoneName(), o.milestone().state().json(),
                o.ticket().id(), o.gates(), o.justification(), o.ticket().requestedBy(), o.ticket().expiresAt(), null,
                details(o.report(), o.gates()), null, null, OverridePolicy.stillNeeded(OverridePolicy.quorum(o.milestone(), o.ticket()), o.ticket()),
                null, null, null, null);
    }

    private static InboxItem item(BypassCandidate b) {
        List<String> failing = new ArrayList<>();
        if (b.report() != null) {
            for (JsonNode g : b.report().path("gates")) if ("failed".equals(g.path("status").asText())) failing.add(key(g));
        }
        return new InboxItem(Kind.BYPASS, b.requestedAt(), b.milestone().id(), b.milestoneName(), b.milestone().state().json(), null,
                failing, b.reason(), b.bypass().requestedBy(), null, null, details(b.report(), failing), b.bypass().id(), b.bypass().kind().noun(),
                BypassPolicy.stillNeeded(b.milestone(), b.bypass()), null, null, null, null);
    }

    private static InboxItem item(StuckCandidate s) {
        List<String> failing = new ArrayList<>();
        if (s.report() != null) {
            for (JsonNode g : s.report().path("gates")) if ("failed".equals(g.path("status").asText())) failing.add(key(g));
        }
        return new InboxItem(Kind.STUCK_MILESTONE, s.since(), s.milestone().id(), s.milestoneName(), s.milestone().state().json(), null,
                failing, AttentionPolicy.nextSteps(s.milestone().state()), null, null, null, details(s.report(), failing), null, null, null,
                null, null, null, null);
    }

    private static InboxItem item(DefinitionChangeCandidate c) {
        return new InboxItem(Kind.DEFINITION_CHANGE, c.proposedAt(), c.milestone().id(), c.milestoneName(), c.milestone().state().json(),
                null, List.of(), null, c.author(), null, null, List.of(), null, null, null, c.changeId(), c.loosens(), null, null);
    }

    private static List<InboxItem> manualGates(Actor actor, GateCandidate g) {
        List<InboxItem> items = new ArrayList<>();
        for (GateCondition gate : g.milestone().gates()) {
            if (!(gate instanceof GateCondition.ManualApproval manual) || !"pending".equals(status(g.report(), gate.key()))) continue;
            if (!ManualDecisionPolicy.decide(actor, g.milestone(), gate.key(), "approved", ControlPanel.REASON_TO_BE_GIVEN, g.signOffs()).allowed()) {
                continue;
            }
            String name = g.milestone().label(gate);
            items.add(new InboxItem(Kind.MANUAL_GATE, g.since(), g.milestone().id(), g.milestoneName(), g.milestone().state().json(),
                    null, List.of(name), null, null, null, manual.role(), details(g.report(), List.of(gate.key())), null, null, null, null, null,
                    null, null));
        }
        return items;
    }

    /** The results of the named gates; a gate not yet evaluated reads as pending. */
    static List<GateDetail> details(JsonNode report, List<String> gates) {
        return gates.stream().map(name -> new GateDetail(name, status(report, name), detail(report, name))).toList();
    }

    private static String status(JsonNode report, String gate) {
        JsonNode g = find(report, gate);
        return g == null ? "pending" : g.path("status").asText("pending");
    }

    private static String detail(JsonNode report, String gate) {
        JsonNode g = find(report, gate);
        return g == null || !g.hasNonNull("detail") ? null : g.get("detail").asText();
    }

    /** A gate of a stored report by its key ("manualApproval:security-officer"), or by its bare name as older rows wrote it. */
    private static JsonNode find(JsonNode report, String gate) {
        if (report == null) return null;
        for (JsonNode g : report.path("gates")) {
            if (gate.equals(key(g)) || gate.equals(g.path("condition").asText())) return g;
        }
        return null;
    }

    private static String key(JsonNode g) {
        String role = g.path("role").asText(null);
        return role == null ? g.path("condition").asText() : g.path("condition").asText() + ":" + role;
    }
}
