package studio.gate;

import java.util.List;
import java.util.Map;

/**
 * The engine's verdict on a milestone: every gate's result plus the read-out figures of milestone-status.json.
 *
 * @param coverageAverage     aggregate coverage of the in-scope required features (null when none has data)
 * @param featureCoverage     per in-scope required feature, its coverage or null when it has none
 * @param contributingSprints ids of the sprints that contribute, sorted
 * @param featuresCovered     in-scope required features delivered by a Closed contributing sprint
 */
public record GateReport(
        List<GateResult> gates,
        Double coverageAverage,
        Map<String, Double> featureCoverage,
        List<String> contributingSprints,
        List<String> featuresCovered) {

    public enum Outcome { PASSED, FAILED, PENDING }

    /** FAILED if any gate failed; else PENDING if any is pending; else PASSED. */
    public Outcome outcome() {
        if (gates.stream().anyMatch(g -> g.status() == GateStatus.FAILED)) return Outcome.FAILED;
        if (gates.stream().anyMatch(g -> g.status() == GateStatus.PENDING)) return Outcome.PENDING;
        return Outcome.PASSED;
    }

    public List<String> gatesPassed() {
        return gates.stream().filter(g -> g.status().satisfied()).map(GateResult::condition).toList();
    }
}
