package studio.release.document;

/**
 * A feature a release ships, with its QA coverage.
 *
 * @param coverage percent, null when no QA data exists
 * @param tests    the test count behind the coverage, null when unknown
 */
public record ReleasedFeature(String name, Double coverage, Integer tests) {}
