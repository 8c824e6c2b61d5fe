package studio.sprint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects coverage rows of several sprints (the newest row per sprint, feature and source) and the test counts of
 * their newest trace entries, and tells each sprint's {@link FeatureMeasure}s: QA value first, else trace-matrix
 * value; the test count is the row's own when positive, else the traced count (as the gates weigh coverage).
 */
public final class CoverageLedger {

    private record Row(double percent, int tests) {}

    private final Map<String, Map<String, Row>> qa = new HashMap<>();
    private final Map<String, Map<String, Row>> trace = new HashMap<>();
    private final Map<String, Map<String, Integer>> traced = new HashMap<>();
    private final Map<String, Map<String, Boolean>> features = new HashMap<>();

    /** @param source "qa" or "trace" */
    public void coverage(String sprint, String feature, String source, double percent, int tests) {
        ("qa".equals(source) ? qa : trace).computeIfAbsent(sprint, k -> new HashMap<>()).put(feature, new Row(percent, tests));
        note(sprint, feature);
    }

    public void traced(String sprint, String feature, int tests) {
        traced.computeIfAbsent(sprint, k -> new HashMap<>()).put(feature, tests);
        note(sprint, feature);
    }

    /** Every feature the sprint's evidence measured or traced, in the order first noted. */
    public Map<String, FeatureMeasure> of(String sprint) {
        Map<String, FeatureMeasure> out = new LinkedHashMap<>();
        features.getOrDefault(sprint, Map.of()).keySet().forEach(f -> out.put(f, measure(sprint, f)));
        return out;
    }

    public FeatureMeasure measure(String sprint, String feature) {
        Row q = qa.getOrDefault(sprint, Map.of()).get(feature);
        Row t = trace.getOrDefault(sprint, Map.of()).get(feature);
        int tracedTests = traced.getOrDefault(sprint, Map.of()).getOrDefault(feature, 0);
        Row chosen = q != null ? q : t;
        if (chosen == null) return new FeatureMeasure(feature, null, null, tracedTests);
        int tests = chosen.tests() > 0 ? chosen.tests() : tracedTests;
        return new FeatureMeasure(feature, chosen.percent(), q != null ? "qa" : "trace", tests);
    }

    private void note(String sprint, String feature) {
        features.computeIfAbsent(sprint, k -> new LinkedHashMap<>()).put(feature, Boolean.TRUE);
    }
}
