package studio.evidence;

import java.util.ArrayList;
import java.util.List;
import studio.input.Fields;
import studio.input.Format;
import studio.input.Ids;
import studio.input.KeySet;
import studio.input.MappingNode;
import studio.input.Node;
import studio.input.Problems;
import studio.input.ScalarNode;
import studio.input.TreeReader;

/**
 * Reads a QA report posted to {@code /api/sprints/{sprintId}/qa-report}: qa-validation-report.md (see
 * {@link QaMarkdown}) or JSON {@code {"features":{"BookingFlow":93.2},"tests_passed":n,"tests_failed":m}}, where a
 * feature's value is a number, {@code "93.2%"} or {@code {"coverage":93.2,"tests":12}}.
 */
public final class QaReportParser {

    private static final KeySet REPORT = KeySet.of("sprintId", "features", "testsPassed", "testsFailed");
    private static final KeySet FEATURE = KeySet.of("coverage", "tests");

    private QaReportParser() {}

    public static QaReport parseMarkdown(String markdown, String sprintId) {
        TreeReader.requireWithinSizeLimit(markdown);
        PostedSprint.requireValid(sprintId, true);
        return new QaMarkdown(sprintId).read(markdown);
    }

    public static QaReport parseJson(String json, String sprintId) {
        Node root = TreeReader.read(json, Format.JSON);
        PostedSprint.requireValid(sprintId, true);
        Problems problems = new Problems();
        Fields f = Fields.of(root, REPORT, "a QA report", false, problems);
        problems.throwIfAny();
        QaReport report = new QaReport(PostedSprint.resolve(f, sprintId), features(f), count(f, "testsPassed"), count(f, "testsFailed"));
        problems.throwIfAny();
        return report;
    }

    private static List<FeatureCoverage> features(Fields report) {
        Node node = report.required("features");
        if (node == null) return List.of();
        if (!(node instanceof MappingNode features) || features.entries().isEmpty()) {
            report.problems().add(node, "features must map each feature to its coverage ({\"BookingFlow\": 93.2}), found "
                    + node.describe());
            return List.of();
        }
        List<FeatureCoverage> out = new ArrayList<>();
        for (MappingNode.Entry e : features.entries()) {
            String why = Ids.whyInvalid("feature id", e.key());
            if (why != null) report.problems().add(e.problem(why, features.nodePath()));
            FeatureCoverage c = coverage(e, report.problems());
            if (why == null && c != null) out.add(c);
        }
        return out;
    }

    private static FeatureCoverage coverage(MappingNode.Entry e, Problems problems) {
        String label = "coverage of " + e.key();
        if (e.value() instanceof ScalarNode) {
            Double percent = CoveragePercent.read(e.value(), label, problems);
            return percent == null ? null : new FeatureCoverage(e.key(), percent, null);
        }
        Fields f = Fields.of(e.value(), FEATURE, label, false, problems);
        Node coverage = f.required("coverage");
        Double percent = coverage == null ? null : CoveragePercent.read(coverage, label, problems);
        Long tests = f.integer("tests", 0, Integer.MAX_VALUE);
        return percent == null ? null : new FeatureCoverage(e.key(), percent, tests == null ? null : tests.intValue());
    }

    private static Integer count(Fields f, String key) {
        Long n = f.integer(key, 0, Integer.MAX_VALUE);
        return n == null ? null : n.intValue();
    }
}
