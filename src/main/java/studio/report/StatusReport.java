package studio.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One milestone's status report (docs/spec/milestone-and-deliverable-system.md "Milestone Status Report"): summary,
 * acceptance criteria, deliverables, test status, risks, blockers, the decisions people took, and next steps. The page,
 * the markdown and the JSON are all written from this one value, so they cannot disagree.
 *
 * @param summary         IN PROGRESS, COMPLETE, BLOCKED or TERMINATED
 * @param progressPercent criteria met, deliverables completed and gates satisfied over all of them (100 once reached)
 */
public record StatusReport(String milestoneId, String name, String state, String summary, int progressPercent, String phase,
                           String owner, LocalDate targetDate, String versionTag, Double coverage, List<Line> criteria,
                           List<Line> deliverables, List<Line> gates, List<TestLine> tests, List<String> risks,
                           List<String> blockers, List<Decision> decisions, List<String> nextSteps, Instant generatedAt) {

    /** A criterion, deliverable or gate: done or not, and in what state ("IN PROGRESS", "failed: ..."). */
    public record Line(String text, boolean done, String note) {}

    /** A contributing sprint's newest test figures. */
    public record TestLine(String sprintId, long passed, long failed) {
        public long total() {
            return passed + failed;
        }

        public int percent() {
            return total() == 0 ? 0 : (int) Math.floor(passed * 100.0 / total());
        }
    }

    /** A decision people took on the milestone, from the audit trail (override, manual gate, bypass, definition change). */
    public record Decision(long seq, Instant at, String milestoneId, String kind, String what, String actor, String reason) {}

    /** A titled list of lines, as the page shows criteria, deliverables and gates. */
    public record Checklist(String id, String title, List<Line> lines) {}

    public List<Checklist> checklists() {
        return List.of(new Checklist("criteria", "Acceptance criteria", criteria), new Checklist("deliverables", "Deliverables", deliverables),
                new Checklist("gates", "Gates", gates));
    }

    public boolean hasTarget() {
        return targetDate != null;
    }
}
