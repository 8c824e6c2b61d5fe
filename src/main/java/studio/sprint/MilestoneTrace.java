package studio.sprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trace explorer's tree for one milestone: its required features (delivered or missing), then each contributing
 * sprint with the features it delivers, and per feature its tests, artifacts, commits, image and agent from the
 * sprint's newest trace matrix entry.
 *
 * @param moreSprints how many contributing sprints were left out to keep the page bounded
 */
public record MilestoneTrace(String milestoneId, String name, String state, List<RequiredFeature> required,
                             List<TracedSprint> sprints, int moreSprints) {

    public MilestoneTrace {
        required = List.copyOf(required);
        sprints = List.copyOf(sprints);
    }

    public String title() {
        return name == null || name.isBlank() ? milestoneId : name;
    }

    /** A required feature as the milestone sees it: delivered when a Closed contributing sprint delivers it. */
    public record RequiredFeature(String id, List<String> deliveredBy, Double coverage) {
        public boolean delivered() {
            return !deliveredBy.isEmpty();
        }
    }

    /** A contributing sprint; {@code linked} false when it only delivers one of the milestone's features. */
    public record TracedSprint(String id, String name, String state, boolean linked, List<TracedFeature> features) {
        public String title() {
            return name == null || name.isBlank() ? id : name;
        }

        public boolean closed() {
            return "closed".equals(state);
        }
    }

    /** A feature under a sprint; {@code entry} is null when no trace matrix of the sprint names it. */
    public record TracedFeature(String id, boolean required, boolean delivered, FeatureMeasure measure, TraceSubmission entry) {}

    /** A contributing sprint as read: its row and the features it delivers. */
    public record SprintFacts(String id, String name, String state, boolean linked, List<String> features) {}

    /**
     * Builds the tree from bounded facts.
     *
     * @param coverage    per required feature, as the milestone's gates last measured it
     * @param deliveredBy per required feature, the Closed sprints delivering it (every such sprint contributes, so this
     *                    is read whole even when the sprint list is cut)
     * @param entries  per sprint, per feature: its newest trace matrix entry
     * @param measures per sprint, per feature: the sprint's own coverage of it
     */
    public static MilestoneTrace assemble(String id, String name, String state, List<String> requiredFeatures,
                                          Map<String, Double> coverage, Map<String, List<String>> deliveredBy,
                                          List<SprintFacts> sprints, int moreSprints,
                                          Map<String, Map<String, TraceSubmission>> entries,
                                          Map<String, Map<String, FeatureMeasure>> measures) {
        Set<String> required = new LinkedHashSet<>(requiredFeatures);
        List<TracedSprint> traced = new ArrayList<>(sprints.size());
        for (SprintFacts s : sprints) traced.add(sprint(s, required, entries.getOrDefault(s.id(), Map.of()), measures.getOrDefault(s.id(), Map.of())));
        List<RequiredFeature> features = new ArrayList<>(required.size());
        for (String f : required) features.add(new RequiredFeature(f, deliveredBy.getOrDefault(f, List.of()), coverage.get(f)));
        return new MilestoneTrace(id, name, state, features, traced, moreSprints);
    }

    private static TracedSprint sprint(SprintFacts s, Set<String> required, Map<String, TraceSubmission> entries,
                                       Map<String, FeatureMeasure> measures) {
        boolean closed = "closed".equals(s.state());
        List<TracedFeature> features = new ArrayList<>(s.features().size());
        for (String f : s.features()) {
            FeatureMeasure measure = measures.getOrDefault(f, new FeatureMeasure(f, null, null, 0));
            features.add(new TracedFeature(f, required.contains(f), closed, measure, entries.get(f)));
        }
        return new TracedSprint(s.id(), s.name(), s.state(), s.linked(), features);
    }
}
