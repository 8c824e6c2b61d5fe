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
        return new MilestoneDefinition(f.requiredId("id"), f.string("name"), f.string("description"),
                f.string("goal"), f.string("valueDelivered"), f.string("owner"), date(f, "targetDate"),
                f.string("phase"), f.string("versionTag"), decider(f, "governedBy"), approvalRoles(f),
                approvals(f, "overrideApprovals"), approvals(f, "bypassApprovals"),
                f.bool("manualOverrideAllowed"), f.bool("autoPromotion"), f.bool("manualApprovalRequired"),
                f.strings("environments"), f.string("promotionTriggerEvent"), f.ids("requiredFeatures"),
                f.strings("requiredArtifacts"), f.strings("parallelStreams"), f.bool("deferredAllowed"),
                f.string("onDeferEmit"), gates, f.number("qaCoverageThreshold", 0, 100),
                integer(f, "gateTimeoutSeconds"), f.bool("retryOnFailure"), maxRetries(f), integer(f, "retryCooldownSeconds"),
                f.bool("traceValidationRequired"),
                triggers(f), traceability(f), f.strings("labels"), f.strings("observabilityTags"),
                f.string("orchestrator"), f.bool("emitSignedManifest"), versionStrategy(f),
                plan.criteria(f, "acceptanceCriteria"), plan.deliverables(f), plan.risks(f), plan.blockers(f), reminders(f),
                planningMode(f));
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

    private List<Trigger> triggers(Fields f) {
        List<Trigger> out = new ArrayList<>();
        for (Node item : f.items("triggers")) {
            Fields t = Fields.of(item, TRIGGER, "a trigger", true, problems);
            out.add(new Trigger(t.requiredString("event"), t.string("next"), t.string("condition")));
        }
        return out;
    }

    private Traceability traceability(Fields milestone) {
        Fields t = milestone.nested("traceability", TRACEABILITY, true);
        if (t == null) return null;
        return new Traceability(t.strings("labels"), t.string("owner"), decider(t, "governedBy"),
                t.string("tracePattern"), t.string("orchestrator"));
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
