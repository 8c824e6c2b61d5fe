package studio.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How much a person governs the plan of a milestone's sprints (the spec's "Governance Modes"): {@code autonomous}
 * (agents plan, nobody signs off), {@code assisted} (a sprint's scope is approved by a person before it starts) and
 * {@code manual-only} (planning is done by people; a sprint's scope is approved just the same). Set per milestone
 * ({@code planningMode}) over the installation's {@code studio.planning.mode}.
 */
public enum PlanningMode {
    AUTONOMOUS, ASSISTED, MANUAL_ONLY;

    /** As definitions and configuration write it: "autonomous", "assisted", "manual-only". */
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a sprint linked to a milestone in this mode needs its scope approved before it starts. */
    public boolean requiresScopeApproval() {
        return this != AUTONOMOUS;
    }

    /** The mode {@code written} names, or null when it names none. */
    public static PlanningMode parse(String written) {
        if (written == null) return null;
        return Arrays.stream(values()).filter(m -> m.json().equals(written.strip())).findFirst().orElse(null);
    }

    /** "autonomous, assisted or manual-only", for refusals. */
    public static String spelled() {
        List<String> names = Arrays.stream(values()).map(PlanningMode::json).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
