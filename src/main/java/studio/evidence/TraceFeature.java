package studio.evidence;

import java.util.List;

/**
 * One feature's entry in a sprint trace matrix.
 *
 * @param artifacts what the feature produced: the matrix's {@code artifacts}, {@code handlers} and {@code files}
 * @param coverage  the feature's own coverage, else the matrix's top-level coverage, else null
 */
public record TraceFeature(String id, String traceId, List<String> tests, List<String> artifacts, List<String> commits,
                           String imageId, String agent, Double coverage, String status) {

    public TraceFeature {
        tests = List.copyOf(tests);
        artifacts = List.copyOf(artifacts);
        commits = List.copyOf(commits);
    }
}
