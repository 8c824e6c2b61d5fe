package studio.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports definitions as canonical YAML in the spec's camelCase shape, leaving out what is unsaid (nulls, empty
 * lists), such that {@code DefinitionParser.parse(toYaml(s), YAML)} equals {@code s}.
 */
public final class DefinitionWriter {

    private DefinitionWriter() {}

    public static String toYaml(DefinitionSet set) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "milestones", set.milestones().stream().map(DefinitionWriter::milestone).toList());
        put(doc, "sprints", set.sprints().stream().map(DefinitionWriter::sprint).toList());
        put(doc, "features", set.features().stream().map(DefinitionWriter::feature).toList());
        if (doc.isEmpty()) doc.put("milestones", List.of()); // an empty export still re-imports
        return YamlEmitter.emit(doc);
    }

    private static Map<String, Object> milestone(MilestoneDefinition m) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "id", m.id());
        put(out, "name", m.name());
        put(out, "description", m.description());
        put(out, "goal", m.goal());
        put(out, "valueDelivered", m.valueDelivered());
        put(out, "owner", m.owner());
        put(out, "targetDate", m.targetDate() == null ? null : m.targetDate().toString());
        put(out, "phase", m.phase());
        put(out, "versionTag", m.versionTag());
        put(out, "governedBy", m.governedBy());
        put(out, "approvalRoles", m.approvalRoles());
        put(out, "planningMode", m.planningMode() == null ? null : m.planningMode().json());
        if (m.overrideApprovals() != null) out.put("overrideApprovals", m.overrideApprovals().written());
        if (m.bypassApprovals() != null) out.put("bypassApprovals", m.bypassApprovals().written());
        put(out, "manualOverrideAllowed", m.manualOverrideAllowed());
        put(out, "autoPromotion", m.autoPromotion());
        put(out, "manualApprovalRequired", m.manualApprovalRequired());
        put(out, "environments", m.environments());
        put(out, "promotionTriggerEvent", m.promotionTriggerEvent());
        put(out, "requiredFeatures", m.requiredFeatures());
        put(out, "requiredArtifacts", m.requiredArtifacts());
        put(out, "parallelStreams", m.parallelStreams());
        put(out, "deferredAllowed", m.deferredAllowed());
        put(out, "onDeferEmit", m.onDeferEmit());
        put(out, "gateConditions", m.gateConditions().stream().map(DefinitionWriter::gate).toList());
        put(out, "qaCoverageThreshold", m.qaCoverageThreshold());
        put(out, "gateTimeoutSeconds", m.gateTimeoutSeconds());
        put(out, "retryOnFailure", m.retryOnFailure());
        put(out, "maxRetries", m.maxRetries());
        put(out, "retryCooldownSeconds", m.retryCooldownSeconds());
        put(out, "traceValidationRequired", m.traceValidationRequired());
        put(out, "triggers", m.triggers().stream().map(DefinitionWriter::trigger).toList());
        if (m.traceability() != null) out.put("traceability", traceability(m.traceability()));
        put(out, "labels", m.labels());
        put(out, "observabilityTags", m.observabilityTags());
        put(out, "orchestrator", m.orchestrator());
        put(out, "emitSignedManifest", m.emitSignedManifest());
        if (!m.versionStrategy().isEmpty()) out.put("versionStrategy", m.versionStrategy());
        if (m.reminders() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (m.reminders().after() != null) r.put("after", studio.format.Durations.spelled(m.reminders().after()));
            if (m.reminders().overdueAfter() != null) r.put("overdueAfter", studio.format.Durations.spelled(m.reminders().overdueAfter()));
            if (!r.isEmpty()) out.put("reminders", r);
        }
        plan(out, m);
        return out;
    }

    private static void plan(Map<String, Object> out, MilestoneDefinition m) {
        put(out, "acceptanceCriteria", criteria(m.acceptanceCriteria()));
        put(out, "deliverables", m.deliverables().stream().map(DefinitionWriter::deliverable).toList());
        put(out, "risks", m.risks().stream().map(DefinitionWriter::risk).toList());
        put(out, "blockers", m.blockers().stream().map(DefinitionWriter::blocker).toList());
    }

    /** A bare name, or the single-key mapping {@code name: param}. */
    private static Object gate(GateSpec g) {
        return g.param() == null ? g.name() : Map.of(g.name(), g.param());
    }

    private static Map<String, Object> trigger(Trigger t) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "event", t.event());
        put(out, "next", t.next());
        put(out, "condition", t.condition());
        return out;
    }

    /** Written even when empty ({@code {}}), so that a present but empty block reads back as present. */
    private static Map<String, Object> traceability(Traceability t) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "labels", t.labels());
        put(out, "owner", t.owner());
        put(out, "governedBy", t.governedBy());
        put(out, "tracePattern", t.tracePattern());
        put(out, "orchestrator", t.orchestrator());
        return out;
    }

    private static List<Object> criteria(List<AcceptanceCriterion> criteria) {
        List<Object> out = new ArrayList<>();
        for (AcceptanceCriterion c : criteria) out.add(criterion(c));
        return out;
    }

    /** The shortest form that reads back the same: plain text, a checklist item, else a mapping. */
    private static Object criterion(AcceptanceCriterion c) {
        boolean onlyText = c.metBy() == null && c.gate() == null;
        if (onlyText && c.met() == null && !AcceptanceCriterion.looksLikeChecklist(c.text())) return c.text();
        if (onlyText && c.met() != null && !c.text().isEmpty() && c.text().equals(c.text().strip())) {
            return (c.met() ? "[x] " : "[ ] ") + c.text();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "text", c.text());
        put(out, "met", c.met());
        put(out, "metBy", c.metBy());
        put(out, "gate", c.gate());
        return out;
    }

    private static Object deliverable(Deliverable d) {
        if (d.equals(Deliverable.named(d.name()))) return d.name();
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "name", d.name());
        put(out, "description", d.description());
        put(out, "owner", d.owner());
        put(out, "status", d.status());
        put(out, "target", d.target());
        put(out, "criteria", criteria(d.criteria()));
        return out;
    }

    private static Object risk(Risk r) {
        if (r.likelihood() == null && r.impact() == null && r.mitigation() == null) return r.risk();
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "risk", r.risk());
        put(out, "likelihood", r.likelihood());
        put(out, "impact", r.impact());
        put(out, "mitigation", r.mitigation());
        return out;
    }

    private static Object blocker(Blocker b) {
        if (b.equals(new Blocker(b.issue(), null, null, null, null, null))) return b.issue();
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "issue", b.issue());
        put(out, "impact", b.impact());
        put(out, "owner", b.owner());
        put(out, "action", b.action());
        put(out, "targetResolution", b.targetResolution());
        put(out, "priority", b.priority());
        return out;
    }

    private static Map<String, Object> sprint(SprintDefinition s) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "id", s.id());
        put(out, "name", s.name());
        put(out, "goal", s.goal());
        put(out, "milestones", s.milestones());
        put(out, "features", s.features());
        put(out, "agents", s.agents());
        put(out, "trigger", s.trigger());
        put(out, "module", s.module());
        put(out, "phase", s.phase());
        put(out, "concurrencyPolicy", s.concurrencyPolicy());
        put(out, "gates", s.gates());
        if (s.approvalRequired() != null) out.put("governance", Map.of("approvalRequired", s.approvalRequired()));
        if (s.traceability() != null) out.put("traceability", sprintTraceability(s.traceability()));
        put(out, "labels", s.labels());
        return out;
    }

    private static Map<String, Object> sprintTraceability(Traceability t) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "labels", t.labels());
        put(out, "orchestrator", t.orchestrator());
        return out;
    }

    private static Map<String, Object> feature(FeatureDefinition f) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "featureId", f.id());
        put(out, "title", f.title());
        put(out, "priority", f.priority());
        put(out, "requiredBy", f.requiredBy().stream().map(DefinitionWriter::requiredBy).toList());
        put(out, "dependsOn", f.dependsOn());
        put(out, "estimatedEffort", f.estimatedEffort());
        put(out, "agentRoles", f.agentRoles());
        put(out, "status", f.status() == null ? null : f.status().json());
        put(out, "deferralReason", f.deferralReason());
        return out;
    }

    /** The reader strips one "milestone:" prefix, so an id that itself starts with it keeps an extra one. */
    private static String requiredBy(String milestoneId) {
        return milestoneId.startsWith("milestone:") ? "milestone:" + milestoneId : milestoneId;
    }

    /** Leaves out nulls and empty lists: unsaid stays unsaid. */
    private static void put(Map<String, Object> out, String key, Object value) {
        if (value == null || (value instanceof List<?> l && l.isEmpty())) return;
        out.put(key, value);
    }
}
