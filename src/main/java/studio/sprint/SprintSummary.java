package studio.sprint;

import java.time.Instant;
import java.util.List;
import studio.evidence.ReadinessStep;
import studio.format.Durations;

/**
 * A sprint as the list and the sprint page's header show it.
 *
 * @param milestones the milestones it contributes to: linked to it, or requiring a feature it delivers
 * @param coverage   its QA coverage (see {@link SprintCoverage}), null when nothing was measured
 * @param measured   how many of its features have coverage data
 * @param testsPassed from its newest QA test results, null when it has none
 * @param readiness  the readiness steps reported so far ({@link ReadinessStep#key()}), in the spec's order
 */
public record SprintSummary(String id, String name, String goal, String state, Instant stateSince, Instant startedAt,
                            Instant closedAt, String traceId, Instant createdAt, List<String> milestones, int features,
                            Double coverage, int measured, Integer testsPassed, Integer testsFailed, List<String> readiness) {

    public SprintSummary {
        milestones = List.copyOf(milestones);
        readiness = List.copyOf(readiness);
    }

    public SprintSummary(String id, String name, String goal, String state, Instant stateSince, Instant startedAt,
                         Instant closedAt, String traceId, Instant createdAt, List<String> milestones, int features,
                         Double coverage, int measured, Integer testsPassed, Integer testsFailed) {
        this(id, name, goal, state, stateSince, startedAt, closedAt, traceId, createdAt, milestones, features, coverage, measured,
                testsPassed, testsFailed, List.of());
    }

    /** Before it started: "Ready to start", "2 of 4 readiness steps", or null when nothing was reported. */
    public String readinessText() {
        if (startedAt != null || readiness.isEmpty()) return null;
        if (readiness.contains(ReadinessStep.READY_TO_START.key())) return ReadinessStep.READY_TO_START.label();
        return readiness.size() + " of " + ReadinessStep.values().length + " readiness steps";
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
