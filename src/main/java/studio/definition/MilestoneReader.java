package studio.definition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.gate.PlanningMode;
import studio.governance.TriggerFiring;
import studio.input.Fields;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;

/** Reads one entry of {@code milestones}: every key any spec document shows for a milestone. */
final class MilestoneReader {

    static final KeySet KEYS = KeySet.of("id", "name", "description", "goal", "valueDelivered", "owner", "targetDate",
            "phase", "versionTag", "governedBy", "approvalRoles", "overrideApprovals", "bypassApprovals",
            "manualOverrideAllowed|allowOverrides|allowManualOverrides", "autoPromotion", "manualApprovalRequired",
            "environments", "promotionTriggerEvent", "requiredFeatures|features", "requiredArtifacts",
            "parallelStreams", "deferredAllowed|allowsDeferred", "onDeferEmit", "gateConditions",
            "qaCoverageThreshold", "gateTimeoutSeconds", "retryOnFailure", "maxRetries", "retryCooldownSeconds", "traceValidationRequired", "triggers",
            "traceability", "labels", "observabilityTags", "orchestrator", "emitSignedManifest", "versionStrategy",
            "acceptanceCriteria|successCriteria", "deliverables", "risks", "blockers", "reminders", "planningMode");
    private static final KeySet TRACEABILITY = KeySet.of("labels", "owner", "governedBy", "tracePattern", "orchestrator");
    private static final KeySet TRIGGER = KeySet.of("event", "next", "condition");
    private static final KeySet APPROVAL_ROLE = KeySet.of("role");
    private static final KeySet REMINDERS = KeySet.of("after", "overdueAfter");
    private static final KeySet VERSION_STRATEGY = KeySet.of("strategy", "prefix", "suffix", "format", "autoIncrement", "fallback");

    /** The one event {@code onDeferEmit} may name (the spec's): other names could pose as Studio's own events. */
    static final String DEFERRAL_EVENT = "FeatureDeferred";

    private final Problems problems;

    MilestoneReader(Problems problems) {
        this.problems = problems;
    }

    MilestoneDefinition read(Node node) {
        Fields f = Fields.of(node, KEYS, "a milestone", true, problems);
        List<GateSpec> gates = new GateReader(problems).gateConditions(f);
        Set<String> gateNames = new LinkedHashSet<>();
        gates.forEach(g -> gateNames.add(g.name()));
        PlanReader plan = new PlanReader(problems, gateNames);
        List<String> streams = streams(f);
        return new MilestoneDefinition(f.requiredId("id"), f.string("name"), f.string("description"),
                f.string("goal"), f.string("valueDelivered"), f.string("owner"), date(f, "targetDate"),
                f.string("phase"), f.string("versionTag"), decider(f, "governedBy"), approvalRoles(f),
                approvals(f, "overrideApprovals"), approvals(f, "bypassApprovals"),
                f.bool("manualOverrideAllowed"), f.bool("autoPromotion"), f.bool("manualApprovalRequired"),
                f.strings("environments"), f.string("promotionTriggerEvent"), f.ids("requiredFeatures"),
                f.strings("requiredArtifacts"), streams, f.bool("deferredAllowed"),
                onDeferEmit(f), gates, f.number("qaCoverageThreshold", 0, 100),
                integer(f, "gateTimeoutSeconds"), f.bool("retryOnFailure"), maxRetries(f), integer(f, "retryCooldownSeconds"),
                f.bool("traceValidationRequired"),
                triggers(f, streams), traceability(f), f.strings("labels"), f.strings("observabilityTags"),
                f.string("orchestrator"), signedManifest(f), versionStrategy(f),
                plan.criteria(f, "acceptanceCriteria"), plan.deliverables(f), plan.risks(f), plan.blockers(f), reminders(f),
                planningMode(f));
    }

    /** Studio signs every release's manifest; {@code emitSignedManifest: false} cannot turn that off, so it is refused. */
    private Boolean signedManifest(Fields f) {
        Boolean emit = f.bool("emitSignedManifest");
        if (Boolean.FALSE.equals(emit)) {
            problems.add(f.get("emitSignedManifest"), "emitSignedManifest: false is refused: Studio signs the manifest of every"
                    + " release (its approvals and gates are verified from it); remove the key or write true");
            return null;
        }
        return emit;
    }

    /** The event Studio sends subscribers when one of the milestone's required features is deferred: FeatureDeferred. */
    private String onDeferEmit(Fields f) {
        String event = f.string("onDeferEmit");
        if (event == null || DEFERRAL_EVENT.equals(event)) return event;
        problems.add(f.get("onDeferEmit"), "onDeferEmit names the event sent when one of the milestone's features is deferred;"
                + " Studio sends " + DEFERRAL_EVENT + ", not '" + event + "'");
        return null;
    }

    /** A governing role: a person's role, never auditor or ci. */
    private String decider(Fields f, String key) {
        String role = f.string(key);
        if (role == null) return null;
        String why = Role.whyNotDecider(key, role);
        if (why == null) return role;
        problems.add(f.get(key), why);
        return null;
    }

    private List<String> approvalRoles(Fields f) {
        List<String> roles = new ArrayList<>();
        for (Node item : f.items("approvalRoles")) {
            // The spec writes approval roles as plain names and as {role: x} (factory-governance.yaml).
            Node roleNode = item instanceof MappingNode
                    ? Fields.of(item, APPROVAL_ROLE, "an approval role", true, problems).required("role") : item;
            String role = roleNode == null ? null : f.text(roleNode, "approvalRoles entry");
            if (role == null) continue;
            String why = Role.whyNotDecider("approvalRoles", role);
            if (why == null) roles.add(role);
            else problems.add(roleNode, why);
        }
        return roles;
    }

    /** {@code 2} (that many people) or {@code [product-owner, security-officer]} (one of each); at most ten. */
    private Approvals approvals(Fields f, String key) {
        Node node = f.get(key);
        if (node == null || node instanceof ScalarNode s && s.isNull()) return null;
        if (node instanceof ScalarNode s && s.isNumber()) {
            Long n = f.integer(key, 1, 10);
            return n == null ? null : Approvals.count(n.intValue());
        }
        if (!(node instanceof studio.input.SequenceNode)) {
            problems.add(node, key + " is a number of people (2) or a list of roles ([product-owner, security-officer]), found "
                    + node.describe());
            return null;
        }
        List<String> roles = new ArrayList<>();
        for (Node item : f.items(key)) {
            String role = f.text(item, key + " entry");
            if (role == null) continue;
            String why = Role.whyNotDecider(key, role);
            if (why != null) problems.add(item, why);
            else if (roles.contains(role)) problems.add(item, key + " names " + role + " twice; write a number for several people of one role");
            else roles.add(role);
        }
        if (roles.isEmpty()) {
            problems.add(node, key + " names no role");
            return null;
        }
        if (roles.size() > 10) {
            problems.add(node, key + " names " + roles.size() + " roles; at most 10");
            return null;
        }
        return Approvals.roles(roles);
    }

    /** {@code planningMode: autonomous | assisted | manual-only}. */
    private PlanningMode planningMode(Fields f) {
        String written = f.string("planningMode");
        if (written == null) return null;
        PlanningMode mode = PlanningMode.parse(written);
        if (mode == null) problems.add(f.get("planningMode"), "planningMode '" + written + "' must be " + PlanningMode.spelled());
        return mode;
    }

    private LocalDate date(Fields f, String key) {
        String text = f.string(key);
        if (text == null) return null;
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        problems.add(f.get(key), key + " '" + text + "' is not a date of the form YYYY-MM-DD");
        return null;
    }

    /** At most 100: a retry re-judges the gates; beyond that a milestone is not retrying, it is looping. */
    private static Integer maxRetries(Fields f) {
        Long n = f.integer("maxRetries", 0, 100);
        return n == null ? null : n.intValue();
    }

    private static Integer integer(Fields f, String key) {
        Long n = f.integer(key, 0, Integer.MAX_VALUE);
        return n == null ? null : n.intValue();
    }

    /** {@code reminders: {after: 2h, overdueAfter: 8h}}: positive durations, overdue after the reminder. */
    private Reminders reminders(Fields milestone) {
        Fields r = milestone.nested("reminders", REMINDERS, true);
        if (r == null) return null;
        java.time.Duration after = duration(r, "after");
        java.time.Duration overdue = duration(r, "overdueAfter");
        if (after != null && overdue != null && overdue.compareTo(after) <= 0) {
            problems.add(r.get("overdueAfter"), "reminders.overdueAfter (" + studio.format.Durations.spelled(overdue)
                    + ") must be longer than reminders.after (" + studio.format.Durations.spelled(after) + ")");
        }
        return new Reminders(after, overdue);
    }

    private java.time.Duration duration(Fields f, String key) {
        String text = f.string(key);
        if (text == null) return null;
        try {
            java.time.Duration d = studio.format.Durations.parse(text);
            if (!d.isNegative() && !d.isZero()) return d;
            problems.add(f.get(key), "reminders." + key + " must be longer than zero");
        } catch (IllegalArgumentException e) {
            problems.add(f.get(key), "reminders." + key + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * Each trigger acts ({@link TriggerEvents}): on MilestoneReached / MilestoneCompleted its {@code next} is a promotion
     * target; on an event Studio receives about the milestone (its own evidence events, or an orchestration event the
     * trigger names) it is sent on as MilestoneTriggerFired (naming {@code next}) when its condition holds. A trigger Studio
     * could never fire (one of Studio's own event names, a condition it does not evaluate) is refused.
     */
    private List<Trigger> triggers(Fields f, List<String> streams) {
        List<Trigger> out = new ArrayList<>();
        for (Node item : f.items("triggers")) {
            Fields t = Fields.of(item, TRIGGER, "a trigger", true, problems);
            String event = t.requiredString("event");
            String condition = t.string("condition");
            String why = event == null ? null : TriggerEvents.whyNot(event);
            if (why != null) {
                problems.add(t.get("event"), why + studio.input.Spelling.didYouMean(event, TriggerEvents.all()));
            } else if (condition != null && TriggerEvents.PROMOTION.contains(event)) {
                problems.add(t.get("condition"), "a " + event + " trigger takes no condition: reaching the milestone already means"
                        + " every gate passed");
            } else if (condition != null && !TriggerFiring.ALL_STREAMS_READY.equals(condition)) {
                problems.add(t.get("condition"), "condition '" + condition + "' is not one Studio evaluates; it evaluates "
                        + TriggerFiring.ALL_STREAMS_READY + " (every stream of parallelStreams reported pass)");
            } else if (condition != null && streams.isEmpty()) {
                problems.add(t.get("condition"), TriggerFiring.ALL_STREAMS_READY + " needs parallelStreams: the milestone names no stream");
            }
            out.add(new Trigger(event, t.string("next"), condition));
        }
        return out;
    }

    /** The streams a milestone runs in parallel; each is reported ready by a GateSignal of its name. */
    private List<String> streams(Fields f) {
        List<String> streams = new ArrayList<>();
        for (Node item : f.items("parallelStreams")) {
            String stream = f.text(item, "parallelStreams entry");
            if (stream == null) continue;
            String why = GateCatalog.whyBadName(stream);
            if (why != null) {
                problems.add(item, "parallelStreams entry: " + why + " (CI reports a stream with a GateSignal of its name)");
                continue;
            }
            if (streams.contains(stream)) problems.add(item, "parallelStreams names " + stream + " twice");
            else streams.add(stream);
        }
        return streams;
    }

    private Traceability traceability(Fields milestone) {
        Fields t = milestone.nested("traceability", TRACEABILITY, true);
        if (t == null) return null;
        String pattern = t.string("tracePattern");
        String why = pattern == null ? null : TracePattern.whyBad(pattern);
        if (why != null) problems.add(t.get("tracePattern"), why);
        return new Traceability(t.strings("labels"), t.string("owner"), decider(t, "governedBy"),
                why == null ? pattern : null, t.string("orchestrator"));
    }

    /** The strategy settings in the order written; a plain text is the strategy alone. */
    private Map<String, Object> versionStrategy(Fields f) {
        Map<String, Object> out = new LinkedHashMap<>();
        Node node = f.get("versionStrategy");
        if (node instanceof ScalarNode s) out.put("strategy", s.text());
        if (!(node instanceof MappingNode m)) {
            if (node instanceof studio.input.SequenceNode) {
                problems.add(node, "versionStrategy must be a mapping (" + String.join(", ", VERSION_STRATEGY.names())
                        + ") or a strategy name, found a list");
            }
            return out;
        }
        Fields.of(m, VERSION_STRATEGY, "versionStrategy", true, problems);
        for (MappingNode.Entry e : m.entries()) {
            String key = VERSION_STRATEGY.canonical(e.key());
            if (key == null || (e.value() instanceof ScalarNode s && s.isNull())) continue;
            if (e.value() instanceof ScalarNode s) out.put(key, s.value());
            else problems.add(e.value(), "versionStrategy." + key + " must be a single value, found " + e.value().describe());
        }
        return out;
    }
}
