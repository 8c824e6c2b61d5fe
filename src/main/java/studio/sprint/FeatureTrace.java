package studio.sprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.evidence.TraceFeature;

/**
 * What a sprint's trace matrices say about one feature: the newest entry counts (as the gates read it), older
 * submissions are kept to show how the trace changed.
 */
public record FeatureTrace(String feature, TraceSubmission current, List<TraceSubmission> older) {

    public FeatureTrace {
        older = List.copyOf(older);
    }

    /**
     * Per feature, in the order features first appear: {@code newestFirst} are a sprint's matrices, newest first (by
     * their own time, then arrival), so a feature's first entry is its current one; at most {@code maxOlder} earlier
     * entries are kept per feature.
     */
    public static List<FeatureTrace> fold(List<SubmittedMatrix> newestFirst, int maxOlder) {
        Map<String, List<TraceSubmission>> byFeature = new LinkedHashMap<>();
        for (SubmittedMatrix m : newestFirst) {
            for (TraceFeature f : m.matrix().features()) {
                byFeature.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(new TraceSubmission(m.evidenceId(), m.receivedAt(), f));
            }
        }
        List<FeatureTrace> traces = new ArrayList<>(byFeature.size());
        byFeature.forEach((feature, entries) -> traces.add(
                new FeatureTrace(feature, entries.get(0), entries.subList(1, Math.min(entries.size(), maxOlder + 1)))));
        return traces;
    }
}
