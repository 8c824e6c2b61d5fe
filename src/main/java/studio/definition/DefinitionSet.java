package studio.definition;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import studio.input.InputProblem;
import studio.input.NodePath;
import studio.input.Problems;
import studio.input.Spelling;

/**
 * The milestones, sprints and features of one definitions document.
 *
 * <p>{@code sites} remembers where each reference (a sprint's milestone, a feature's requiredBy and dependsOn) was
 * written, keyed by its place in these records ({@code $.sprints[0].milestones[1]}), so that
 * {@link #unresolvedReferences} can point at the line. Where a set was read from is not what it is: equality ignores
 * {@code sites}, so a set re-read from its own export equals the original.
 */
public record DefinitionSet(
        List<MilestoneDefinition> milestones,
        List<SprintDefinition> sprints,
        List<FeatureDefinition> features,
        Map<String, Site> sites,
        List<EnvironmentDefinition> environments) {

    /** Where a reference was written. */
    public record Site(int line, int column, String path) {}

    public DefinitionSet {
        milestones = List.copyOf(milestones);
        sprints = List.copyOf(sprints);
        features = List.copyOf(features);
        sites = Map.copyOf(sites);
        environments = List.copyOf(environments);
    }

    public DefinitionSet(List<MilestoneDefinition> milestones, List<SprintDefinition> sprints, List<FeatureDefinition> features) {
        this(milestones, sprints, features, Map.of(), List.of());
    }

    /**
     * References to milestones and features that neither this document nor the store defines. Known milestones are
     * the document's and the stored ones; known features are the document's features, every milestone's
     * requiredFeatures and every sprint's features, plus the stored ones. A milestone's requiredFeatures need no
     * feature entry.
     */
    public List<InputProblem> unresolvedReferences(KnownIds stored) {
        Set<String> knownMilestones = union(stored.milestones(), milestones.stream().map(MilestoneDefinition::id).toList());
        Set<String> knownFeatures = union(stored.features(), features.stream().map(FeatureDefinition::id).toList());
        milestones.forEach(m -> knownFeatures.addAll(m.requiredFeatures()));
        sprints.forEach(s -> knownFeatures.addAll(s.features()));
        Problems problems = new Problems();
        for (int i = 0; i < sprints.size(); i++) {
            SprintDefinition s = sprints.get(i);
            check(problems, s.milestones(), knownMilestones, path("sprints", i, "milestones"),
                    "sprint '" + s.id() + "' links to unknown milestone");
        }
        for (int i = 0; i < features.size(); i++) {
            FeatureDefinition f = features.get(i);
            check(problems, f.requiredBy(), knownMilestones, path("features", i, "requiredBy"),
                    "feature '" + f.id() + "' is required by unknown milestone");
            check(problems, f.dependsOn(), knownFeatures, path("features", i, "dependsOn"),
                    "feature '" + f.id() + "' depends on unknown feature");
        }
        return problems.list();
    }

    private void check(Problems problems, List<String> refs, Set<String> known, NodePath list, String what) {
        for (int j = 0; j < refs.size(); j++) {
            String ref = refs.get(j);
            if (known.contains(ref) || problems.isFull()) continue;
            String message = what + " '" + ref + "'" + Spelling.didYouMean(ref, known);
            Site site = sites.get(list.index(j).toString());
            problems.add(site == null ? new InputProblem(message, null, null, list.index(j).toString())
                    : new InputProblem(message, site.line(), site.column(), site.path()));
        }
    }

    static NodePath path(String kind, int index, String field) {
        return NodePath.ROOT.key(kind).index(index).key(field);
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefinitionSet other && milestones.equals(other.milestones)
                && sprints.equals(other.sprints) && features.equals(other.features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestones, sprints, features);
    }

    @Override
    public String toString() {
        return "DefinitionSet[milestones=" + milestones + ", sprints=" + sprints + ", features=" + features + "]";
    }
}
