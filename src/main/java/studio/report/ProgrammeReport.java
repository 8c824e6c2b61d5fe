package studio.report;

import java.time.Instant;
import java.util.List;

/**
 * The whole programme's status report: overall and per-phase progress, each milestone's line, every blocker, the newest
 * decisions and each open milestone's next step.
 *
 * @param shown milestones in the report (at most {@link StatusReports#PROGRAMME_CAP}); {@code total} how many exist
 */
public record ProgrammeReport(int overallPercent, List<PhaseProgress> phases, List<MilestoneLine> milestones, int shown,
                              int total, List<String> blockers, List<StatusReport.Decision> decisions, List<String> nextSteps,
                              Instant generatedAt) {

    public record PhaseProgress(String phase, int milestones, int complete, int percent) {}

    public record MilestoneLine(String id, String name, String phase, String state, String summary, int percent, boolean atRisk) {}

    public boolean capped() {
        return shown < total;
    }

    public boolean empty() {
        return total == 0;
    }
}
