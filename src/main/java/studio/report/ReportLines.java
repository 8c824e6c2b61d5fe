package studio.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import studio.definition.MilestoneDefinition;
import studio.gate.GateStatus;
import studio.milestone.AcceptanceCriteria;
import studio.milestone.MilestoneViews;

/**
 * A milestone's criteria, deliverables and gates as report lines, read from its definition, its stored gate report and
 * people's criterion marks: the same for one milestone's report and for its line in the programme's.
 */
record ReportLines(List<StatusReport.Line> criteria, List<StatusReport.Line> deliverables, List<StatusReport.Line> gates) {

    static ReportLines of(MilestoneDefinition d, JsonNode report, Map<String, AcceptanceCriteria.Mark> marks) {
        Map<String, GateStatus> statuses = MilestoneViews.gateStatuses(report);
        List<StatusReport.Line> criteria = AcceptanceCriteria.rows(d, statuses, marks).stream()
                .map(c -> new StatusReport.Line(c.text(), c.met(), c.met() ? "met"
                        : c.gate() != null ? "gate " + c.gate() + " " + (c.gateStatus() == null ? "not judged yet" : c.gateStatus().json())
                        : "IN PROGRESS"))
                .toList();
        List<StatusReport.Line> deliverables = d.deliverables().stream()
                .map(x -> new StatusReport.Line(x.name(), x.completed(), x.status() == null ? "NOT STARTED" : x.status().toUpperCase(Locale.ROOT)))
                .toList();
        return new ReportLines(criteria, deliverables, gates(report));
    }

    private static List<StatusReport.Line> gates(JsonNode report) {
        List<StatusReport.Line> out = new ArrayList<>();
        if (report == null) return out;
        for (JsonNode g : report.path("gates")) {
            String name = g.path("condition").asText() + (g.hasNonNull("role") ? ": " + g.get("role").asText() : "");
            String status = g.path("status").asText();
            String detail = g.path("detail").asText("");
            String note = "overridden".equals(status) ? "overridden by " + g.path("overridden_by").asText("an approved override")
                    : detail.isBlank() ? status : status + ": " + detail;
            out.add(new StatusReport.Line(name, "passed".equals(status) || "overridden".equals(status), note));
        }
        return out;
    }

    int percent(String state) {
        int done = count(criteria) + count(deliverables) + count(gates);
        return StatusReportRules.percent(state, done, criteria.size() + deliverables.size() + gates.size());
    }

    List<StatusReport.Line> failingGates() {
        return gates.stream().filter(g -> g.note().startsWith("failed")).toList();
    }

    List<String> pendingGates() {
        return gates.stream().filter(g -> g.note().startsWith("pending")).map(StatusReport.Line::text).toList();
    }

    private static int count(List<StatusReport.Line> lines) {
        return (int) lines.stream().filter(StatusReport.Line::done).count();
    }
}
