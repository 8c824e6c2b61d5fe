package studio.evidence;

/** One feature's coverage in a QA report; {@code tests} is its test count when the report gives one. */
public record FeatureCoverage(String feature, double percent, Integer tests) {}
