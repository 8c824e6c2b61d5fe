package studio.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec's "Manage Timeouts / Orphaned Sprints": which contributing sprints of a Pending milestone are overdue.
 * A sprint that is not closed is <em>orphaned</em> when it never started and the milestone has waited for it longer
 * than the budget, <em>long-running</em> when it started but has not closed within the budget. Ages count from the
 * later of the sprint's start and the moment the milestone began waiting in Pending ({@code waitingSince}; a pause
 * moves that moment on by the paused time, so paused time never counts). Pure.
 */
public final class SprintTimeouts {

    public enum Kind {
        ORPHANED, LONG_RUNNING;

        public String json() {
            return this == ORPHANED ? "orphaned" : "long-running";
        }
    }

    /** A contributing sprint as the timer sees it: started (null when never) and whether it closed. */
    public record SprintClock(String sprintId, Instant startedAt, boolean closed) {}

    /** A sprint past the budget, and for how long it has been counted against it. */
    public record OverdueSprint(String sprintId, Kind kind, long ageSeconds) {
        /** "sprint-3 orphaned (never started, 420s)" */
        public String describe() {
            return sprintId + " " + kind.json() + (kind == Kind.ORPHANED ? " (never started, " : " (started, not closed, ") + ageSeconds + "s)";
        }
    }

    private SprintTimeouts() {}

    /** The overdue sprints, in the order given; none when {@code budgetSeconds} is 0 or less (no timeout). */
    public static List<OverdueSprint> overdue(List<SprintClock> sprints, Instant waitingSince, Instant now, long budgetSeconds) {
        List<OverdueSprint> out = new ArrayList<>();
        if (budgetSeconds <= 0) return out;
        for (SprintClock s : sprints) {
            if (s.closed()) continue;
            Instant from = s.startedAt() == null || s.startedAt().isBefore(waitingSince) ? waitingSince : s.startedAt();
            long age = Duration.between(from, now).toSeconds();
            // Strictly longer than the budget, as for the gate timeout: exactly at the limit is still in time.
            if (now.isAfter(from.plusSeconds(budgetSeconds))) {
                out.add(new OverdueSprint(s.sprintId(), s.startedAt() == null ? Kind.ORPHANED : Kind.LONG_RUNNING, age));
            }
        }
        return List.copyOf(out);
    }
}
