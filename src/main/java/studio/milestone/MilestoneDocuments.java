package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import studio.definition.MilestoneDefinition;
import studio.definition.Trigger;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * The coordinator's documents for one milestone (docs/spec/milestone-lifecycle-coordinator.md "Artifact Outputs"):
 * milestone-validation-report.md, promotion-trigger.yaml and intervention-events.json.
 */
@ApplicationScoped
public class MilestoneDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;

    public String validationReport(MilestoneViews.View v) {
        Milestone m = v.milestone();
        JsonNode r = v.report() == null ? JSON.createObjectNode() : v.report();
        StringBuilder md = new StringBuilder();
        md.append("# Milestone Validation Report — ").append(m.id).append("\n\n");
        if (m.name != null) md.append("**Milestone:** ").append(escape(m.name)).append("  \n");
        md.append("**Status:** ").append(label(v.state())).append("  \n");
        md.append("**Version tag:** ").append(or(m.versionTag)).append("  \n");
        md.append("**Trace ID:** ").append(or(m.traceId)).append("  \n");
        md.append("**QA coverage:** ").append(r.path("qa_coverage_avg").isNumber() ? r.path("qa_coverage_avg").asText() + "%" : "no data").append("  \n");
        md.append("**Evaluated:** ").append(v.evaluatedAt() == null ? "not yet" : v.evaluatedAt().toString()).append("\n\n");
        md.append("## Gates\n\n| Gate | Status | Threshold | Actual | Detail |\n|---|---|---|---|---|\n");
        for (JsonNode g : r.path("gates")) {
            md.append("| ").append(escape(g.path("condition").asText())).append(" | ").append(gateLabel(g.path("status").asText()))
                    .append(" | ").append(g.hasNonNull("threshold") ? g.get("threshold").asText() : g.path("role").asText(""))
                    .append(" | ").append(g.hasNonNull("actual") ? g.get("actual").asText() : "")
                    .append(" | ").append(escape(g.path("detail").asText(""))).append(" |\n");
        }
        list(md, "Contributing sprints", r.path("sprints_contributing"));
        list(md, "Features covered", r.path("features_covered"));
        md.append("\n## Interventions\n\n");
        ArrayNode interventions = interventions(m);
        if (interventions.isEmpty()) md.append("None.\n");
        for (JsonNode i : interventions) {
            md.append("- ").append(i.path("timestamp").asText()).append(" ").append(i.path("kind").asText()).append(" by ")
                    .append(i.path("actor").asText()).append(": ").append(escape(i.path("reason").asText(""))).append('\n');
        }
        return md.toString();
    }

    /** promotion-trigger.yaml: ready once the milestone is Reached or Closed, pending before. */
    public String promotionTrigger(MilestoneViews.View v) {
        Milestone m = v.milestone();
        MilestoneDefinition d = rulebook.rules(m).definition();
        ObjectNode y = JSON.createObjectNode();
        y.put("milestone_id", m.id);
        y.put("version_tag", m.versionTag);
        y.put("trace_id", m.traceId);
        boolean ready = "reached".equals(v.state()) || "closed".equals(v.state());
        y.put("status", ready ? "ready" : "pending");
        y.put("approved_by", approvedBy(m));
        ArrayNode targets = y.putArray("promotion_targets");
        promotionTargets(d).forEach(targets::add);
        if (m.versionTag != null) targets.addObject().put("tag-git", m.versionTag);
        y.put("manualApprovalRequired", Boolean.TRUE.equals(d.manualApprovalRequired()));
        y.put("signedBy", m.governedBy);
        try {
            return YAML.writeValueAsString(y);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The targets the definition names for a reached milestone (promotionTriggerEvent, triggers' next). */
    public static List<String> promotionTargets(MilestoneDefinition d) {
        Set<String> targets = new LinkedHashSet<>();
        if (d.promotionTriggerEvent() != null) targets.add(d.promotionTriggerEvent());
        for (Trigger t : d.triggers()) {
            if (t.next() != null && ("MilestoneReached".equals(t.event()) || "MilestoneCompleted".equals(t.event()))) {
                targets.add(t.next());
            }
        }
        if (targets.isEmpty()) targets.add("deploy-to-staging");
        return List.copyOf(targets);
    }

    /** intervention-events.json: every override, manual gate decision, escalation, force close and termination. */
    public String interventionEvents(Milestone m) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("milestone_id", m.id);
        doc.put("trace_id", m.traceId);
        doc.set("interventions", interventions(m));
        return doc.toPrettyString();
    }

    ArrayNode interventions(Milestone m) {
        ArrayNode out = JSON.createArrayNode();
        for (Row r : Rows.list(em, """
                select e.seq, e.occurred_at, e.actor, e.actor_roles, e.type, e.payload from audit_subject s
                join audit_event e on e.seq = s.seq
                where s.subject_type = 'milestone' and s.subject_id = ?
                  and e.type in ('MilestoneOverrideRequested', 'MilestoneOverrideApproved', 'MilestoneOverrideRejected',
                                 'MilestoneOverrideRevoked', 'ManualGateDecided', 'MilestoneEscalated', 'MilestoneForceClosed',
                                 'MilestoneTerminated', 'MilestoneResumed', 'MilestonePaused', 'MilestonePauseLifted',
                                 'MilestonePromotionRejected', 'MilestonePromotionRejectionLifted')
                order by s.seq""", r -> r, m.id)) {
            JsonNode payload = MilestoneReadout.parse(r.text("payload"));
            ObjectNode i = out.addObject();
            i.put("seq", r.number("seq"));
            i.put("kind", r.text("type"));
            i.put("milestone_id", m.id);
            i.put("trace_id", m.traceId);
            if (payload.has("overridden_gates")) i.set("overridden_gates", payload.get("overridden_gates"));
            if (payload.has("gate")) i.put("gate", payload.get("gate").asText());
            if (payload.has("decision")) i.put("decision", payload.get("decision").asText());
            i.put("reason", payload.path("reason").asText(null));
            i.put("actor", r.text("actor"));
            ArrayNode roles = i.putArray("roles");
            r.texts("actor_roles").forEach(roles::add);
            if (r.text("type").equals("MilestoneOverrideApproved")) i.put("approver", r.text("actor"));
            i.put("timestamp", r.instant("occurred_at").toString());
        }
        return out;
    }

    private String approvedBy(Milestone m) {
        List<String> approvers = Rows.list(em, """
                select distinct decided_by from override_request where milestone_id = ? and status = 'approved'""",
                r -> r.text("decided_by"), m.id);
        return approvers.isEmpty() ? "automatic (all gates passed)" : String.join(", ", approvers);
    }

    private static void list(StringBuilder md, String title, JsonNode items) {
        md.append("\n## ").append(title).append("\n\n");
        if (items.isEmpty()) md.append("None.\n");
        items.forEach(i -> md.append("- ").append(escape(i.asText())).append('\n'));
    }

    private static String label(String state) {
        return state == null ? "" : Character.toUpperCase(state.charAt(0)) + state.substring(1);
    }

    private static String gateLabel(String status) {
        return switch (status) {
            case "passed" -> "✅ passed";
            case "failed" -> "❌ failed";
            case "overridden" -> "⚠️ overridden";
            default -> "⏳ " + status;
        };
    }

    private static String or(String s) {
        return s == null ? "—" : s;
    }

    /** Markdown table cells and lists must not be broken by what people typed. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
