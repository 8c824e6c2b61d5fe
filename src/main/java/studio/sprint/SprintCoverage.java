package studio.sprint;

import java.util.Collection;
import java.util.List;

/**
 * A sprint's QA coverage in one number: the same aggregate docs/API.md gives milestones (mean weighted by each feature's
 * test count when every measured feature has a positive count, else the plain mean), over the features the sprint's
 * evidence measured. Features without data are left out here (a milestone gate fails on them; a sprint figure just
 * reports what was measured), and the list shows how many were measured.
 */
public final class SprintCoverage {

    private SprintCoverage() {}

    /** Null when no feature was measured. */
    public static Double aggregate(Collection<FeatureMeasure> features) {
        List<FeatureMeasure> measured = features.stream().filter(FeatureMeasure::measured).toList();
        if (measured.isEmpty()) return null;
        boolean weighted = measured.stream().allMatch(f -> f.tests() > 0);
        double sum = 0;
        double weight = 0;
        for (FeatureMeasure f : measured) {
            double w = weighted ? f.tests() : 1;
            sum += f.percent() * w;
            weight += w;
        }
        return sum / weight;
    }
}
