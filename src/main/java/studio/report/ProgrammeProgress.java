package studio.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The programme's progress: overall, and per phase (milestones without a phase under "no phase"). */
final class ProgrammeProgress {

    static final String NO_PHASE = "no phase";

    private ProgrammeProgress() {
    }

    /** The mean of the milestones' progress (terminated ones left out: they will not be delivered). */
    static int overall(List<ProgrammeReport.MilestoneLine> lines) {
        List<ProgrammeReport.MilestoneLine> live = lines.stream().filter(l -> !"terminated".equals(l.state())).toList();
        return live.isEmpty() ? 0 : (int) Math.floor(live.stream().mapToInt(ProgrammeReport.MilestoneLine::percent).average().orElse(0));
    }

    static List<ProgrammeReport.PhaseProgress> phases(List<ProgrammeReport.MilestoneLine> lines) {
        Map<String, List<ProgrammeReport.MilestoneLine>> byPhase = new TreeMap<>();
        for (ProgrammeReport.MilestoneLine l : lines) {
            byPhase.computeIfAbsent(l.phase() == null || l.phase().isBlank() ? NO_PHASE : l.phase(), p -> new ArrayList<>()).add(l);
        }
        List<ProgrammeReport.PhaseProgress> out = new ArrayList<>();
        byPhase.forEach((phase, in) -> out.add(new ProgrammeReport.PhaseProgress(phase, in.size(),
                (int) in.stream().filter(l -> "COMPLETE".equals(l.summary())).count(), overall(in))));
        return out;
    }
}
