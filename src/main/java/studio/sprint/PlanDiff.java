package studio.sprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two plans of a milestone (the sprint spec's "Scope Comparison Viewer"): features added to the
 * plan, removed from it, deferred, resumed (deferred before, in a sprint now) and moved between sprints. Pure.
 */
public record PlanDiff(List<String> added, List<String> removed, List<String> deferred, Map<String, String> resumed,
                       List<Move> moved) {

    /** A plan: each sprint's features, and the features deferred. */
    public record Plan(Map<String, Set<String>> sprints, Set<String> deferredFeatures) {
        public Plan {
            Map<String, Set<String>> copy = new TreeMap<>();
            sprints.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            sprints = java.util.Collections.unmodifiableMap(copy);
            deferredFeatures = Set.copyOf(deferredFeatures);
        }

        public static Plan empty() {
            return new Plan(Map.of(), Set.of());
        }

        /** The sprints a feature is planned in, in id order. */
        Set<String> sprintsOf(String feature) {
            Set<String> in = new TreeSet<>();
            sprints.forEach((sprint, features) -> {
                if (features.contains(feature)) in.add(sprint);
            });
            return in;
        }

        Set<String> planned() {
            Set<String> all = new TreeSet<>();
            sprints.values().forEach(all::addAll);
            return all;
        }
    }

    /** A feature that left some sprints for others. */
    public record Move(String feature, Set<String> from, Set<String> to) {}

    public PlanDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        deferred = List.copyOf(deferred);
        resumed = java.util.Collections.unmodifiableMap(new TreeMap<>(resumed));
        moved = List.copyOf(moved);
    }

    public static PlanDiff between(Plan before, Plan after) {
        Set<String> features = new TreeSet<>(before.planned());
        features.addAll(after.planned());
        features.addAll(before.deferredFeatures());
        features.addAll(after.deferredFeatures());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        Map<String, String> resumed = new TreeMap<>();
        List<Move> moved = new ArrayList<>();
        for (String f : features) {
            boolean wasDeferred = before.deferredFeatures().contains(f);
            boolean isDeferred = after.deferredFeatures().contains(f);
            Set<String> from = before.sprintsOf(f);
            Set<String> to = after.sprintsOf(f);
            if (!wasDeferred && isDeferred) deferred.add(f);
            else if (wasDeferred && !isDeferred && !to.isEmpty()) resumed.put(f, String.join(", ", to));
            else if (!isDeferred && from.isEmpty() && !to.isEmpty() && !wasDeferred) added.add(f);
            else if (!isDeferred && !from.isEmpty() && to.isEmpty()) removed.add(f);
            else if (!isDeferred && !from.isEmpty() && !to.isEmpty() && !from.equals(to)) moved.add(new Move(f, from, to));
        }
        return new PlanDiff(added, removed, deferred, resumed, moved);
    }

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && deferred.isEmpty() && resumed.isEmpty() && moved.isEmpty();
    }
}
