package studio.sprint;

import java.time.Instant;
import java.util.List;
import studio.format.Durations;

/**
 * A sprint as the list and the sprint page's header show it.
 *
 * @param milestones the milestones it contributes to: linked to it, or requiring a feature it delivers
 * @param coverage   its QA coverage (see {@link SprintCoverage}), null when nothing was measured
 * @param measured   how many of its features have coverage data
 * @param testsPassed from its newest QA test results, null when it has none
 */
public record SprintSummary(String id, String name, String goal, String state, Instant stateSince, Instant startedAt,
                            Instant closedAt, String traceId, Instant createdAt, List<String> milestones, int features,
                            Double coverage, int measured, Integer testsPassed, Integer testsFailed) {

    public SprintSummary {
        milestones = List.copyOf(milestones);
    }

    public String title() {
        return name == null || name.isBlank() ? id : name;
    }

    public boolean running() {
        return startedAt != null && closedAt == null;
    }

    /** Started to closed, or to now while it runs; null before it started. */
    public String duration() {
        return Durations.between(startedAt, closedAt != null ? closedAt : Instant.now());
    }

    public boolean hasTests() {
        return testsPassed != null || testsFailed != null;
    }

    public boolean failing() {
        return testsFailed != null && testsFailed > 0;
    }

    public SprintCursor cursor() {
        return new SprintCursor(createdAt, id);
    }
}
