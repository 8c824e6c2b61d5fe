package studio.sprint;

import java.util.List;
import studio.definition.SprintDefinition;

/**
 * Everything the sprint page shows about one sprint.
 *
 * @param definition its sprints.yaml entry, null for a sprint known only from CI events
 * @param documents  its evidence as received, newest first
 * @param gates      its own gates judged on its evidence now (empty without gates)
 * @param closureHeld while a SprintClosed waits for those gates: what holds it, else null
 * @param readiness  each readiness step in the spec's order, reported or not
 */
public record SprintDossier(SprintSummary summary, SprintDefinition definition, List<String> labels,
                            List<SprintEventRow> events, List<DeliveredFeature> features, List<TestRun> testRuns,
                            List<FeatureTrace> traces, List<LinkedMilestone> milestones, List<ExecutionRun> executions,
                            List<EvidenceDocument> documents, SprintGates.Judgement gates, String closureHeld,
                            List<ReadinessRow> readiness) {

    /** One readiness step: reported at {@code at} by evidence {@code evidenceId}, or not yet (both null). */
    public record ReadinessRow(String label, String eventName, java.time.Instant at, Long evidenceId) {
        public boolean done() {
            return at != null;
        }
    }

    /** "Ready to start" was reported while these earlier steps never were. */
    public List<String> readyWithout() {
        if (readiness.isEmpty() || !readiness.get(readiness.size() - 1).done()) return List.of();
        return readiness.subList(0, readiness.size() - 1).stream().filter(r -> !r.done()).map(ReadinessRow::label).toList();
    }

    public boolean anyReadiness() {
        return readiness.stream().anyMatch(ReadinessRow::done);
    }

    public SprintDossier {
        labels = List.copyOf(labels);
        events = List.copyOf(events);
        features = List.copyOf(features);
        testRuns = List.copyOf(testRuns);
        traces = List.copyOf(traces);
        milestones = List.copyOf(milestones);
        executions = List.copyOf(executions);
        documents = List.copyOf(documents);
        readiness = List.copyOf(readiness);
    }

    public boolean knownOnlyFromEvents() {
        return definition == null;
    }

    public TestRun latestTests() {
        return testRuns.isEmpty() ? null : testRuns.get(0);
    }

    /** QA reports before the newest one. */
    public List<TestRun> earlierTests() {
        return testRuns.size() <= 1 ? List.of() : testRuns.subList(1, testRuns.size());
    }
}
