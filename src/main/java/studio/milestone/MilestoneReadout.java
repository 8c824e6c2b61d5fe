package studio.milestone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import studio.format.Percent;
import studio.gate.EvidenceRef;
import studio.gate.GateReport;
import studio.gate.GateResult;

/**
 * The milestone-status.json shape (snake_case, as the spec and docs/API.md write it): the engine's part is stored on the
 * milestone row and in each evaluation snapshot; the status part is added from the row when it is read.
 */
public final class MilestoneReadout {

    static final ObjectMapper JSON = new ObjectMapper();

    private MilestoneReadout() {
    }

    /** The gate report as stored: everything but status, version tag, trace id and times. */
    public static ObjectNode report(GateReport report) {
        ObjectNode n = JSON.createObjectNode();
        n.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
        putNumber(n, "qa_coverage_avg", report.coverageAverage());
        strings(n.putArray("sprints_contributing"), report.contributingSprints());
        strings(n.putArray("features_covered"), report.featuresCovered());
        strings(n.putArray("gates_passed"), report.gatesPassed());
        ArrayNode gates = n.putArray("gates");
        report.gates().forEach(g -> gates.add(gate(g)));
        ObjectNode coverage = n.putObject("feature_coverage");
        report.featureCoverage().forEach((f, v) -> putNumber(coverage, f, v));
        return n;
    }

    /** milestone-status.json for one milestone: its row's status and the stored report. */
    public static ObjectNode status(Milestone m, ObjectNode storedReport, Instant evaluatedAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("milestone_id", m.id);
        n.put("name", m.name);
        n.put("status", m.state);
        n.put("status_since", m.stateSince.toString());
        n.put("version_tag", m.versionTag);
        n.put("trace_id", m.traceId);
        n.put("governed_by", m.governedBy);
        n.put("phase", m.phase);
        n.put("owner", m.owner);
        if (storedReport != null) n.setAll(storedReport);
        n.put("evaluated_at", evaluatedAt == null ? null : evaluatedAt.toString());
        return n;
    }

    public static ObjectNode parse(String json) {
        if (json == null) return null;
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored milestone report is not JSON", e);
        }
    }

    private static ObjectNode gate(GateResult g) {
        ObjectNode n = JSON.createObjectNode();
        n.put("condition", g.condition());
        n.put("status", g.status().json());
        putNumber(n, "threshold", g.threshold());
        if (g.role() != null) n.put("role", g.role());
        putNumber(n, "actual", g.actual());
        n.put("detail", g.detail());
        ArrayNode evidence = n.putArray("evidence");
        for (EvidenceRef ref : g.evidence()) evidence.addObject().put("kind", ref.kind()).put("id", ref.id());
        if (g.overrideId() != null) {
            n.put("override_id", g.overrideId());
            n.put("overridden_by", g.overriddenBy());
        }
        return n;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    /** Numbers as the spec prints them: one decimal for coverage, whole numbers without a fraction. */
    static void putNumber(ObjectNode n, String field, Double value) {
        if (value == null) {
            n.putNull(field);
            return;
        }
        n.put(field, Percent.rounded(value));
    }
}
