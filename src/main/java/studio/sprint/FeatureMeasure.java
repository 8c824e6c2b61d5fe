package studio.sprint;

/**
 * One feature's coverage as a sprint's own evidence reports it: the newest QA report value for the feature, else the
 * newest trace-matrix value (docs/API.md's rule, applied to this sprint's evidence only).
 *
 * @param percent     null when the sprint has no coverage data for the feature
 * @param source      "qa" or "trace" (where {@code percent} came from), null without data
 * @param tests       the feature's test count: the QA report's when it gives one, else the newest trace matrix's
 */
public record FeatureMeasure(String feature, Double percent, String source, int tests) {

    public boolean measured() {
        return percent != null;
    }

    /** "QA report" or "trace matrix": where the value was read, as people say it. */
    public String sourceLabel() {
        if (source == null) return "";
        return "qa".equals(source) ? "QA report" : "trace matrix";
    }
}
