package studio.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.gate.GateCondition;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.ManualDecisionPolicy;
import studio.governance.OverridePolicy;
import studio.governance.OverrideTicket;
import studio.governance.Roles;
import studio.inbox.InboxItem.GateDetail;
import studio.inbox.InboxItem.Kind;
import studio.milestone.ControlPanel;

/**
 * What waits for one person's decision, decided by the same policies the server enforces when they act: override
 * requests they may approve (their role approves overrides of that milestone, they did not request it, it is still
 * requested and unexpired), and manual gates still pending whose role they hold. Oldest first.
 */
public final class AwaitingDecision {

    private AwaitingDecision() {}

    /** An override request and its milestone, as stored. */
    public record OverrideCandidate(OverrideTicket ticket, GovernedMilestone milestone, String milestoneName, List<String> gates,
                                    String justification, Instant requestedAt, JsonNode report) {}

    /** A milestone with manual gates, as stored; {@code since} is when it entered its current state. */
    public record GateCandidate(GovernedMilestone milestone, String milestoneName, Instant since, JsonNode report) {}

    public static List<InboxItem> of(Actor actor, List<OverrideCandidate> overrides, List<GateCandidate> gates, Instant now) {
        if (!actor.holdsAny(Roles.ACTING_HUMANS)) return List.of();
        List<InboxItem> items = new ArrayList<>();
        for (OverrideCandidate o : overrides) {
            if (OverridePolicy.approve(actor, o.milestone(), o.ticket(), ControlPanel.REASON_TO_BE_GIVEN, now).allowed()) items.add(item(o));
        }
        for (GateCandidate g : gates) items.addAll(manualGates(actor, g));
        items.sort(Comparator.comparing(InboxItem::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(InboxItem::key));
        return items;
    }

    private static InboxItem item(OverrideCandidate o) {
        return new InboxItem(Kind.OVERRIDE, o.requestedAt(), o.milestone().id(), o.milestoneName(), o.milestone().state().json(),
                o.ticket().id(), o.gates(), o.justification(), o.ticket().requestedBy(), o.ticket().expiresAt(), null,
                details(o.report(), o.gates()));
    }

    private static List<InboxItem> manualGates(Actor actor, GateCandidate g) {
        List<InboxItem> items = new ArrayList<>();
        for (GateCondition gate : g.milestone().gates()) {
            if (!(gate instanceof GateCondition.ManualApproval manual) || !"pending".equals(status(g.report(), gate.name()))) continue;
            if (!ManualDecisionPolicy.decide(actor, g.milestone(), gate.name(), "approved", ControlPanel.REASON_TO_BE_GIVEN).allowed()) continue;
            items.add(new InboxItem(Kind.MANUAL_GATE, g.since(), g.milestone().id(), g.milestoneName(), g.milestone().state().json(),
                    null, List.of(gate.name()), null, null, null, manual.role(), details(g.report(), List.of(gate.name()))));
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

    private static JsonNode find(JsonNode report, String gate) {
        if (report == null) return null;
        for (JsonNode g : report.path("gates")) {
            if (gate.equals(g.path("condition").asText())) return g;
        }
        return null;
    }
}
