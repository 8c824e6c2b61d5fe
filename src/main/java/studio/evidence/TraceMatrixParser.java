package studio.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.input.Fields;
import studio.input.Format;
import studio.input.KeySet;
import studio.input.Node;
import studio.input.Problems;
import studio.input.SequenceNode;
import studio.input.TreeReader;

/**
 * Reads sprint-trace-matrix.json in both of the spec's shapes: snake ({@code sprint_id}, {@code milestone_id},
 * {@code trace_id}, {@code artifacts}) and camel ({@code sprintId}, {@code traceId}, {@code handlers},
 * {@code files}); features by {@code id} or {@code featureId}.
 */
public final class TraceMatrixParser {

    private static final KeySet MATRIX = KeySet.of("sprintId", "milestoneId", "traceId", "features", "coverage");
    private static final KeySet FEATURE = KeySet.of("id|featureId", "traceId", "tests", "artifacts", "handlers",
            "files", "commits", "imageId", "agent|agentId", "coverage", "status");

    private TraceMatrixParser() {}

    /** {@code sprintIdFromUrl}: the sprint the matrix was posted to; a different sprint id in the body is refused. */
    public static TraceMatrix parse(String json, String sprintIdFromUrl) {
        Node root = TreeReader.read(json, Format.JSON);
        PostedSprint.requireValid(sprintIdFromUrl, false);
        Problems problems = new Problems();
        Fields f = Fields.of(root, MATRIX, "a trace matrix", false, problems);
        problems.throwIfAny();
        String sprintId = PostedSprint.resolve(f, sprintIdFromUrl);
        Double coverage = f.has("coverage") ? CoveragePercent.read(f.get("coverage"), "coverage", problems) : null;
        List<TraceFeature> features = features(f, coverage);
        TraceMatrix matrix = new TraceMatrix(sprintId, f.id("milestoneId"), f.string("traceId"), coverage, features);
        problems.throwIfAny();
        return matrix;
    }

    private static List<TraceFeature> features(Fields matrix, Double matrixCoverage) {
        Node list = matrix.required("features");
        if (list == null) return List.of();
        if (!(list instanceof SequenceNode seq) || seq.items().isEmpty()) {
            matrix.problems().add(list, "features must be a list of at least one feature, found " + list.describe());
            return List.of();
        }
        List<TraceFeature> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Node item : seq.items()) {
            TraceFeature feature = feature(Fields.of(item, FEATURE, "a feature", false, matrix.problems()), matrixCoverage);
            Integer earlier = feature.id() == null ? null : firstLine.putIfAbsent(feature.id(), item.line());
            if (earlier != null) {
                matrix.problems().add(item, "feature '" + feature.id() + "' appears twice in the matrix (first on line " + earlier + ")");
            }
            out.add(feature);
        }
        return out;
    }

    private static TraceFeature feature(Fields f, Double matrixCoverage) {
        Set<String> artifacts = new LinkedHashSet<>(f.strings("artifacts"));
        artifacts.addAll(f.strings("handlers"));
        artifacts.addAll(f.strings("files"));
        Double own = f.has("coverage") ? CoveragePercent.read(f.get("coverage"), "coverage", f.problems()) : null;
        return new TraceFeature(f.requiredId("id"), f.string("traceId"), f.strings("tests"), List.copyOf(artifacts),
                f.strings("commits"), f.string("imageId"), f.string("agent"), own != null ? own : matrixCoverage,
                f.string("status"));
    }
}
