package studio.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A status report as markdown (the spec's format) and as JSON (snake_case, like the other documents). */
public final class StatusReportText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusReportText() {
    }

    public static String markdown(StatusReport r) {
        StringBuilder md = new StringBuilder("# Milestone Status: ").append(esc(r.name())).append("\n\n## Summary\n");
        md.append("- Status: ").append(r.summary()).append(" (").append(r.state()).append(")\n");
        md.append("- Progress: ").append(r.progressPercent()).append("%\n");
        md.append("- Phase: ").append(r.phase() == null ? "—" : esc(r.phase())).append('\n');
        if (r.owner() != null) md.append("- Owner: ").append(esc(r.owner())).append('\n');
        if (r.targetDate() != null) md.append("- Target date: ").append(r.targetDate()).append('\n');
        if (r.coverage() != null) md.append("- QA coverage: ").append(r.coverage()).append("%\n");
        checklist(md, "Acceptance Criteria", r.criteria());
        checklist(md, "Deliverables", r.deliverables());
        checklist(md, "Gates", r.gates());
        md.append("\n## Test Status\n");
        if (r.tests().isEmpty()) md.append("No test results yet.\n");
        r.tests().forEach(t -> md.append("- ").append(t.sprintId()).append(": ").append(t.passed()).append('/').append(t.total())
                .append(" passing (").append(t.percent()).append("%)\n"));
        bullets(md, "Risks", r.risks());
        bullets(md, "Blockers", r.blockers());
        md.append("\n## Decisions Taken\n");
        if (r.decisions().isEmpty()) md.append("None.\n");
        r.decisions().forEach(d -> md.append(decision(d)).append('\n'));
        md.append("\n## Next Steps\n");
        if (r.nextSteps().isEmpty()) md.append("None.\n");
        for (int i = 0; i < r.nextSteps().size(); i++) md.append(i + 1).append(". ").append(esc(r.nextSteps().get(i))).append('\n');
        return md.toString();
    }

    public static String markdown(ProgrammeReport p) {
        StringBuilder md = new StringBuilder("# Programme Status\n\n## Summary\n");
        md.append("- Progress: ").append(p.overallPercent()).append("%\n");
        md.append("- Milestones: ").append(p.total()).append(p.capped() ? " (showing " + p.shown() + ")" : "").append('\n');
        md.append("\n## Progress by Phase\n");
        if (p.phases().isEmpty()) md.append("No milestones yet.\n");
        p.phases().forEach(ph -> md.append("- ").append(esc(ph.phase())).append(": ").append(ph.percent()).append("% (")
                .append(ph.complete()).append(" of ").append(ph.milestones()).append(" complete)\n"));
        md.append("\n## Milestones\n\n| Milestone | Phase | Status | Progress | At risk |\n|---|---|---|---|---|\n");
        p.milestones().forEach(m -> md.append("| ").append(esc(m.id())).append(" | ").append(m.phase() == null ? "" : esc(m.phase()))
                .append(" | ").append(m.summary()).append(" (").append(m.state()).append(") | ").append(m.percent()).append("% | ")
                .append(m.atRisk() ? "yes" : "no").append(" |\n"));
        bullets(md, "Blockers", p.blockers());
        md.append("\n## Decisions Taken\n");
        if (p.decisions().isEmpty()) md.append("None.\n");
        p.decisions().forEach(d -> md.append(decision(d)).append(" (").append(esc(d.milestoneId())).append(")\n"));
        bullets(md, "Next Steps", p.nextSteps());
        return md.toString();
    }

    public static ObjectNode json(StatusReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("milestone_id", r.milestoneId()).put("name", r.name()).put("status", r.state()).put("summary", r.summary())
                .put("progress_percent", r.progressPercent()).put("phase", r.phase()).put("owner", r.owner())
                .put("target_date", r.targetDate() == null ? null : r.targetDate().toString()).put("version_tag", r.versionTag());
        if (r.coverage() == null) n.putNull("qa_coverage_avg");
        else n.put("qa_coverage_avg", r.coverage());
        lines(n.putArray("acceptance_criteria"), r.criteria(), "met");
        lines(n.putArray("deliverables"), r.deliverables(), "complete");
        lines(n.putArray("gates"), r.gates(), "satisfied");
        ArrayNode tests = n.putArray("test_status");
        r.tests().forEach(t -> tests.addObject().put("sprint_id", t.sprintId()).put("passed", t.passed()).put("failed", t.failed())
                .put("total", t.total()).put("percent", t.percent()));
        strings(n.putArray("risks"), r.risks());
        strings(n.putArray("blockers"), r.blockers());
        decisions(n.putArray("decisions"), r.decisions());
        strings(n.putArray("next_steps"), r.nextSteps());
        n.put("generated_at", r.generatedAt().toString());
        return n;
    }

    public static ObjectNode json(ProgrammeReport p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("progress_percent", p.overallPercent()).put("milestones_total", p.total()).put("milestones_shown", p.shown());
        ArrayNode phases = n.putArray("phases");
        p.phases().forEach(ph -> phases.addObject().put("phase", ph.phase()).put("milestones", ph.milestones())
                .put("complete", ph.complete()).put("progress_percent", ph.percent()));
        ArrayNode milestones = n.putArray("milestones");
        p.milestones().forEach(m -> milestones.addObject().put("milestone_id", m.id()).put("name", m.name()).put("phase", m.phase())
                .put("status", m.state()).put("summary", m.summary()).put("progress_percent", m.percent()).put("at_risk", m.atRisk()));
        strings(n.putArray("blockers"), p.blockers());
        decisions(n.putArray("decisions"), p.decisions());
        strings(n.putArray("next_steps"), p.nextSteps());
        n.put("generated_at", p.generatedAt().toString());
        return n;
    }

    private static void checklist(StringBuilder md, String title, List<StatusReport.Line> lines) {
        md.append("\n## ").append(title).append('\n');
        if (lines.isEmpty()) md.append("None defined.\n");
        lines.forEach(l -> md.append("- [").append(l.done() ? 'x' : ' ').append("] ").append(esc(l.text()))
                .append(l.done() ? " ✓" : " (" + esc(l.note()) + ")").append('\n'));
    }

    private static void bullets(StringBuilder md, String title, List<String> items) {
        md.append("\n## ").append(title).append('\n');
        if (items.isEmpty()) md.append("None.\n");
        items.forEach(i -> md.append("- ").append(esc(i)).append('\n'));
    }

    private static String decision(StatusReport.Decision d) {
        return "- " + d.at() + " " + esc(d.what()) + " by " + esc(d.actor()) + (d.reason() == null ? "" : ": " + esc(d.reason()));
    }

    private static void lines(ArrayNode out, List<StatusReport.Line> lines, String doneField) {
        lines.forEach(l -> out.addObject().put("text", l.text()).put(doneField, l.done()).put("state", l.note()));
    }

    private static void decisions(ArrayNode out, List<StatusReport.Decision> decisions) {
        decisions.forEach(d -> out.addObject().put("seq", d.seq()).put("milestone_id", d.milestoneId()).put("kind", d.kind())
                .put("decision", d.what()).put("actor", d.actor()).put("reason", d.reason()).put("timestamp", d.at().toString()));
    }

    private static void strings(ArrayNode out, List<String> items) {
        items.forEach(out::add);
    }

    /** What people typed must not break the markdown (no raw HTML, no line breaks inside an item or a table cell). */
    static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
