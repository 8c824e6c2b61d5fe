package studio.sprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import studio.definition.SprintDefinition;

/**
 * What a re-import would change in one sprint (the spec's "Scope Comparison Viewer" for a held change): the features it
 * adds to the sprint, those it takes away, those that move in from or out to another sprint, and every other field of
 * the definition that differs, as people read it ({@code goal: "Pay by card" -> "Pay by card and wallet"}). Pure.
 *
 * @param moved   features that leave this sprint for others or come to it from others
 * @param changed the other fields that differ, one line each
 */
public record ScopeChange(String sprintId, List<String> added, List<String> removed, List<PlanDiff.Move> moved, List<String> changed) {

    public ScopeChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        moved = List.copyOf(moved);
        changed = List.copyOf(changed);
    }

    /**
     * The change from {@code before} (in force) to {@code after} (held). {@code otherBefore} and {@code otherAfter} are
     * the features of the other sprints that plan any feature this change adds or removes, in force and as they would be
     * once their own held changes are applied too, so a feature taken from one sprint and given to another reads as a move.
     */
    public static ScopeChange between(SprintDefinition before, SprintDefinition after, Map<String, Set<String>> otherBefore,
                                      Map<String, Set<String>> otherAfter) {
        String id = after.id();
        Map<String, Set<String>> was = new TreeMap<>(otherBefore);
        was.put(id, new LinkedHashSet<>(before.features()));
        Map<String, Set<String>> will = new TreeMap<>(otherAfter);
        will.put(id, new LinkedHashSet<>(after.features()));
        PlanDiff diff = PlanDiff.between(new PlanDiff.Plan(was, Set.of()), new PlanDiff.Plan(will, Set.of()));
        List<PlanDiff.Move> moved = diff.moved().stream().filter(m -> m.from().contains(id) != m.to().contains(id)).toList();
        Set<String> movedFeatures = new LinkedHashSet<>();
        moved.forEach(m -> movedFeatures.add(m.feature()));
        List<String> added = after.features().stream().filter(f -> !before.features().contains(f) && !movedFeatures.contains(f)).toList();
        List<String> removed = before.features().stream().filter(f -> !after.features().contains(f) && !movedFeatures.contains(f)).toList();
        return new ScopeChange(id, added, removed, moved, fields(before, after));
    }

    private static List<String> fields(SprintDefinition b, SprintDefinition a) {
        List<String> out = new ArrayList<>();
        text(out, "name", b, a, SprintDefinition::name);
        text(out, "goal", b, a, SprintDefinition::goal);
        list(out, "milestones", b.milestones(), a.milestones());
        list(out, "gates", b.gates(), a.gates());
        list(out, "agents", b.agents(), a.agents());
        list(out, "labels", b.labels(), a.labels());
        text(out, "trigger", b, a, SprintDefinition::trigger);
        text(out, "module", b, a, SprintDefinition::module);
        text(out, "phase", b, a, SprintDefinition::phase);
        text(out, "concurrencyPolicy", b, a, SprintDefinition::concurrencyPolicy);
        text(out, "governance.approvalRequired", b, a, d -> d.approvalRequired() == null ? null : d.approvalRequired().toString());
        if (!Objects.equals(b.traceability(), a.traceability())) out.add("traceability: changed");
        return out;
    }

    private static void text(List<String> out, String field, SprintDefinition b, SprintDefinition a, Function<SprintDefinition, String> get) {
        String was = get.apply(b);
        String will = get.apply(a);
        if (!Objects.equals(was, will)) out.add(field + ": " + quoted(was) + " -> " + quoted(will));
    }

    private static void list(List<String> out, String field, List<String> was, List<String> will) {
        List<String> plus = will.stream().filter(x -> !was.contains(x)).toList();
        List<String> minus = was.stream().filter(x -> !will.contains(x)).toList();
        if (plus.isEmpty() && minus.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        plus.forEach(x -> parts.add("+ " + x));
        minus.forEach(x -> parts.add("- " + x));
        out.add(field + ": " + String.join(", ", parts));
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    /** Whether it changes the features the sprint plans (rather than only other fields). */
    public boolean changesFeatures() {
        return !added.isEmpty() || !removed.isEmpty() || !moved.isEmpty();
    }

    /** Each move as people read it: "Payouts: s-b -> s-a". */
    public List<String> moves() {
        return moved.stream().map(m -> m.feature() + ": " + String.join(", ", m.from()) + " -> " + String.join(", ", m.to())).toList();
    }

    /** Whether it changes nothing people can see (only the text of the definition, e.g. its layout or order). */
    public boolean nothingVisible() {
        return !changesFeatures() && changed.isEmpty();
    }

    /** "+ Wallet; - Refunds; Payouts from s-b; goal: ..." in one line, for the import result and notifications. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) parts.add("+ " + String.join(", ", added));
        if (!removed.isEmpty()) parts.add("- " + String.join(", ", removed));
        for (PlanDiff.Move m : moved) {
            parts.add(m.to().contains(sprintId) ? m.feature() + " from " + String.join(", ", m.from())
                    : m.feature() + " to " + String.join(", ", m.to()));
        }
        parts.addAll(changed);
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }
}
