package studio.evidence;

import java.util.List;

/**
 * A sprint-trace-matrix.json: which features a sprint delivered, with their tests, artifacts and commits.
 *
 * @param coverage the top-level coverage as written, or null (features without their own inherit it)
 */
public record TraceMatrix(String sprintId, String milestoneId, String traceId, Double coverage, List<TraceFeature> features) {

    public TraceMatrix {
        features = List.copyOf(features);
    }
}
