package studio.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.format.Names;
import studio.gate.EvidenceRef;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;

/**
 * The gate report kept on a milestone row (or in an evaluation snapshot) read back into the engine's
 * {@link GateReport}, so the pure policies can judge what a page shows without re-evaluating the evidence.
 */
public final class StoredReport {

    private StoredReport() {
    }

    /** An empty report (no gates) when nothing was evaluated yet. */
    public static GateReport of(JsonNode report) {
        if (report == null || report.isNull()) return new GateReport(List.of(), null, Map.of(), List.of(), List.of());
        List<GateResult> gates = new ArrayList<>();
        for (JsonNode g : report.path("gates")) gates.add(gate(g));
        Map<String, Double> coverage = new LinkedHashMap<>();
        report.path("feature_coverage").fields().forEachRemaining(e -> coverage.put(e.getKey(), number(e.getValue())));
        return new GateReport(gates, number(report.path("qa_coverage_avg")), coverage,
                strings(report.path("sprints_contributing")), strings(report.path("features_covered")));
    }

    static GateResult gate(JsonNode g) {
        List<EvidenceRef> evidence = new ArrayList<>();
        for (JsonNode e : g.path("evidence")) evidence.add(new EvidenceRef(e.path("kind").asText(), e.path("id").asLong()));
        Long overrideId = g.hasNonNull("override_id") ? g.get("override_id").asLong() : null;
        return new GateResult(g.path("condition").asText(), status(g.path("status").asText()), number(g.path("threshold")),
                text(g, "role"), number(g.path("actual")), text(g, "detail"), evidence, overrideId, text(g, "overridden_by"));
    }

    private static GateStatus status(String json) {
        try {
            return Names.parse(GateStatus.class, json);
        } catch (IllegalArgumentException e) {
            return GateStatus.PENDING; // a status this version does not know decides nothing
        }
    }

    private static Double number(JsonNode n) {
        return n != null && n.isNumber() ? n.asDouble() : null;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }
}
