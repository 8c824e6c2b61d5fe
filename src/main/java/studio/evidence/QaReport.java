package studio.evidence;

import java.util.List;

/** A sprint's QA validation report: per-feature coverage and, when reported, test results. */
public record QaReport(String sprintId, List<FeatureCoverage> features, Integer testsPassed, Integer testsFailed) {

    public QaReport {
        features = List.copyOf(features);
    }
}
