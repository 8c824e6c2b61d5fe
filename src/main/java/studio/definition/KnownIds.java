package studio.definition;

import java.util.Set;

/**
 * Ids already stored, against which a document's references are checked.
 *
 * @param features every stored feature id, including those named only by stored milestones' requiredFeatures and
 *                 stored sprints' features
 */
public record KnownIds(Set<String> milestones, Set<String> features) {

    public static final KnownIds NONE = new KnownIds(Set.of(), Set.of());

    public KnownIds {
        milestones = Set.copyOf(milestones);
        features = Set.copyOf(features);
    }
}
