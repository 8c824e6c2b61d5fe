package studio.definition;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A concrete work output of a milestone ({@code {name, description, owner, status, target, criteria}}). */
public record Deliverable(String name, String description, String owner, String status, String target,
                          List<AcceptanceCriterion> criteria) {

    private static final Set<String> DONE = Set.of("complete", "completed", "done", "delivered");

    public Deliverable {
        criteria = List.copyOf(criteria);
    }

    public static Deliverable named(String name) {
        return new Deliverable(name, null, null, null, null, List.of());
    }

    /** Status says the deliverable is done ("COMPLETE", "Completed", "done", "delivered"). */
    public boolean completed() {
        return status != null && DONE.contains(status.strip().toLowerCase(Locale.ROOT));
    }
}
