package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.persistence.Row;
import studio.persistence.Rows;

/**
 * The coordinator's step documents the spec names beside the validation report (docs/spec/milestone-lifecycle-coordinator.md
 * "Generated Artifacts Per Step", "Artifact Outputs from Skills", "Retry Logic"): milestone-sprint-map.json (step 2),
 * milestone-gate-status.json (step 3), milestone-summary.json (the milestone's outcome) and retry-history.json, written
 * from what Studio holds: the definition, the sprints, the stored gate report and the audit trail.
 */
@ApplicationScoped
public class CoordinatorDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sprints linked to the milestone or delivering one of its required features (docs/API.md "contributing"). */
    private static final String SPRINTS = """
            select s.id, s.state, s.started_at, s.closed_at, s.closure_held,
                   exists (select 1 from sprint_milestone sm where sm.sprint_id = s.id and sm.milestone_id = ?) as linked,
                   array(select sf.feature_id from sprint_feature sf where sf.sprint_id = s.id order by 1) as features
            from sprint s
            where s.id in (select sm.sprint_id from sprint_milestone sm where sm.milestone_id = ?
                           union select sf.sprint_id from sprint_feature sf join milestone_feature mf on mf.feature_id = sf.feature_id
                           where mf.milestone_id = ?)
            order by s.id""";

    /** The lifecycle moves a retry history tells: held, retried, escalated, and how it ended. */
    static final List<String> RECOVERY_EVENTS = List.of("MilestoneBlocked", "MilestoneResumed", "MilestoneEscalated",
            "MilestoneReached", "MilestoneForceClosed", "MilestoneTerminated");

    @Inject
    EntityManager em;
    @Inject
    MilestoneRulebook rulebook;
    @Inject
    MilestoneViews views;

    /** milestone-sprint-map.json: which sprint delivers which required feature, and what is still unmapped. */
    public String sprintMap(Milestone m) {
        List<String> required = rulebook.rules(m).requiredFeatures();
        ObjectNode doc = head(m);
        doc.set("required_features", strings(required));
        List<Row> sprints = Rows.list(em, SPRINTS, r -> r, m.id, m.id, m.id);
        Map<String, Set<String>> byFeature = new LinkedHashMap<>();
        required.forEach(f -> byFeature.put(f, new LinkedHashSet<>()));
        ArrayNode ids = doc.putArray("sprint_ids");
        ArrayNode list = JSON.createArrayNode();
        for (Row s : sprints) {
            ids.add(s.text("id"));
            s.texts("features").stream().filter(byFeature::containsKey).forEach(f -> byFeature.get(f).add(s.text("id")));
            list.add(sprint(s));
        }
        ArrayNode mapping = doc.putArray("mapping");
        byFeature.forEach((f, in) -> in.forEach(s -> mapping.addObject().put("feature", f).put("sprint_id", s).put("milestone_id", m.id)));
        doc.set("sprints", list);
        ArrayNode missing = doc.putArray("missing_features");
        byFeature.forEach((f, in) -> {
            if (in.isEmpty()) missing.add(f);
        });
        return doc.toPrettyString();
    }

    /** milestone-gate-status.json: pass/fail per gate condition as last judged. */
    public String gateStatus(Milestone m) {
        JsonNode r = report(m);
        ObjectNode doc = head(m);
        doc.put("status", m.state);
        doc.put("outcome", r.path("outcome").asText("pending"));
        doc.put("gates_passed", m.gatesSatisfied);
        doc.put("gates_total", m.gatesTotal);
        ArrayNode gates = doc.putArray("gate_status");
        for (JsonNode g : r.path("gates")) {
            ObjectNode out = gates.addObject();
            for (String field : List.of("condition", "status", "threshold", "role", "actual", "detail", "override_id", "overridden_by")) {
                if (g.has(field)) out.set(field, g.get(field));
            }
        }
        doc.put("evaluated_at", m.evaluatedAt == null ? null : m.evaluatedAt.toString());
        return doc.toPrettyString();
    }

    /** milestone-summary.json: the structured snapshot of the milestone's outcome (MilestoneSummarySkill's output). */
    public String summary(Milestone m) {
        MilestoneViews.View v = views.current(m);
        ObjectNode status = views.status(v);
        JsonNode r = report(m);
        ObjectNode doc = head(m);
        doc.put("name", m.name);
        doc.put("status", m.state);
        doc.put("phase", m.phase);
        String outcome = r.path("outcome").asText("pending");
        doc.put("outcome", "passed".equals(outcome) ? "pass" : "failed".equals(outcome) ? "fail" : "pending");
        doc.set("required_features", strings(rulebook.rules(m).requiredFeatures()));
        doc.set("sprint_ids", r.path("sprints_contributing").deepCopy());
        doc.set("features_covered", r.path("features_covered").deepCopy());
        ArrayNode missing = doc.putArray("missing_features");
        Set<String> covered = new LinkedHashSet<>();
        r.path("features_covered").forEach(f -> covered.add(f.asText()));
        rulebook.rules(m).requiredFeatures().stream().filter(f -> !covered.contains(f)).forEach(missing::add);
        doc.set("coverage_percent", r.path("qa_coverage_avg").isMissingNode() ? null : r.get("qa_coverage_avg"));
        ArrayNode validated = doc.putArray("validated_gates");
        ArrayNode failed = doc.putArray("failed_gates");
        ArrayNode gates = doc.putArray("gate_status");
        for (JsonNode g : r.path("gates")) {
            gates.addObject().put("condition", g.path("condition").asText()).put("status", g.path("status").asText());
            if ("passed".equals(g.path("status").asText())) validated.add(g.path("condition").asText());
            if ("failed".equals(g.path("status").asText())) failed.add(g.path("condition").asText());
        }
        ArrayNode interventions = doc.putArray("intervention_ids");
        for (JsonNode g : r.path("gates")) if (g.hasNonNull("override_id")) interventions.add(g.get("override_id"));
        doc.set("progress", status.get("progress"));
        doc.put("at_risk", status.path("at_risk").asBoolean());
        doc.put("message", message(outcome, failed));
        doc.put("evaluated_at", m.evaluatedAt == null ? null : m.evaluatedAt.toString());
        return doc.toPrettyString();
    }

    /**
     * retry-history.json: each retry (a return from Blocked to Verifying, by a person's resume or evaluation or by new
     * evidence under retryOnFailure) with what followed it, and the blocks and escalations around them, from the audit trail.
     */
    public String retryHistory(Milestone m) {
        ObjectNode doc = head(m);
        doc.put("status", m.state);
        doc.put("retry_on_failure", rulebook.rules(m).lifecycle().retryOnFailure());
        List<Row> events = Rows.list(em, """
                select e.seq, e.occurred_at, e.actor, e.type, e.payload from audit_subject s
                join audit_event e on e.seq = s.seq
                where s.subject_type = 'milestone' and s.subject_id = ? and e.type = any(?)
                order by s.seq""", r -> r, m.id, RECOVERY_EVENTS.toArray(String[]::new));
        ArrayNode attempts = doc.putArray("attempts");
        ArrayNode all = JSON.createArrayNode();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode e = event(events.get(i));
            all.add(e);
            if ("MilestoneResumed".equals(e.path("event").asText())) {
                ObjectNode attempt = attempts.addObject();
                attempt.put("attempt", attempts.size());
                attempt.put("timestamp", e.path("timestamp").asText());
                attempt.put("actor", e.path("actor").asText());
                attempt.put("trigger", e.path("reason").asText(null));
                attempt.put("outcome", i + 1 < events.size() ? MilestoneReadout.parse(events.get(i + 1).text("payload")).path("to").asText(m.state) : m.state);
            }
        }
        doc.put("retry_count", attempts.size());
        doc.put("last_action", events.isEmpty() ? null : events.get(events.size() - 1).text("type"));
        doc.set("events", all);
        return doc.toPrettyString();
    }

    private static ObjectNode event(Row r) {
        JsonNode p = MilestoneReadout.parse(r.text("payload"));
        ObjectNode e = JSON.createObjectNode();
        e.put("seq", r.number("seq"));
        e.put("event", r.text("type"));
        e.put("from", p.path("from").asText(null));
        e.put("to", p.path("to").asText(null));
        e.put("reason", p.path("reason").asText(null));
        e.put("actor", r.text("actor"));
        e.put("timestamp", r.instant("occurred_at").toString());
        return e;
    }

    private static ObjectNode sprint(Row s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sprint_id", s.text("id"));
        n.put("state", s.text("state"));
        n.put("linked", s.flag("linked"));
        n.set("features", strings(s.texts("features")));
        n.put("started_at", text(s.instant("started_at")));
        n.put("closed_at", text(s.instant("closed_at")));
        if (s.text("closure_held") != null) n.put("closure_held", s.text("closure_held"));
        return n;
    }

    private static ObjectNode head(Milestone m) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("milestone_id", m.id);
        doc.put("trace_id", m.traceId);
        doc.put("version_tag", m.versionTag);
        return doc;
    }

    private static JsonNode report(Milestone m) {
        JsonNode r = MilestoneReadout.parse(m.report);
        return r == null ? JSON.createObjectNode() : r;
    }

    private static String message(String outcome, ArrayNode failed) {
        if ("passed".equals(outcome)) return "All milestone gates passed successfully.";
        if (failed.isEmpty()) return "Gates are still waiting for evidence.";
        List<String> names = new java.util.ArrayList<>();
        failed.forEach(f -> names.add(f.asText()));
        return "Gates failed: " + String.join(", ", names) + ".";
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
