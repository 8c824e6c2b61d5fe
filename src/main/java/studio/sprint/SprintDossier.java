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
 */
public record SprintDossier(SprintSummary summary, SprintDefinition definition, List<String> labels,
                            List<SprintEventRow> events, List<DeliveredFeature> features, List<TestRun> testRuns,
                            List<FeatureTrace> traces, List<LinkedMilestone> milestones, List<ExecutionRun> executions,
                            List<EvidenceDocument> documents, SprintGates.Judgement gates, String closureHeld) {

    public SprintDossier {
        labels = List.copyOf(labels);
        events = List.copyOf(events);
        features = List.copyOf(features);
        testRuns = List.copyOf(testRuns);
        traces = List.copyOf(traces);
        milestones = List.copyOf(milestones);
        executions = List.copyOf(executions);
        documents = List.copyOf(documents);
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
