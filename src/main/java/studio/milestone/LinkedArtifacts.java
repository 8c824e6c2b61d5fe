package studio.milestone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The milestone's linked artifacts (the spec's "Linked Artifacts: from requiredArtifacts and emitted events"): each
 * artifact its definition requires, with the contributing sprint whose SprintClosed first reported it completed, then
 * what else those sprints reported. They are the outputs the milestone expects, shown beside its gates; whether it is
 * reached is decided by its gates alone (a signal gate such as {@code allArtifactsPublished} makes an output a rule).
 *
 * @param required one item per required artifact, in the definition's order
 * @param other    artifacts the contributing sprints reported that the definition does not name, first reported first
 */
public record LinkedArtifacts(List<Item> required, List<Item> other) {

    /** At most this many reported artifacts are read for one milestone. */
    static final int MAX_REPORTED = 500;

    /**
     * @param sprintId   the sprint that reported it (null: not reported yet)
     * @param evidenceId the SprintClosed that reported it (null: not reported yet)
     */
    public record Item(String artifact, String sprintId, Instant reportedAt, Long evidenceId) {
        public boolean reported() {
            return sprintId != null;
        }
    }

    /** A report: {@code sprintId}'s SprintClosed {@code evidenceId} named {@code artifact} at {@code reportedAt}. */
    public record Report(String artifact, String sprintId, Instant reportedAt, long evidenceId) {}

    /** @param reports the contributing sprints' reports, earliest first */
    public static LinkedArtifacts of(List<String> requiredArtifacts, List<Report> reports) {
        Map<String, Report> first = new LinkedHashMap<>();
        reports.forEach(r -> first.putIfAbsent(r.artifact(), r));
        List<Item> required = new ArrayList<>();
        for (String name : requiredArtifacts) {
            Report r = first.remove(name);
            required.add(r == null ? new Item(name, null, null, null) : item(r));
        }
        return new LinkedArtifacts(List.copyOf(required), first.values().stream().map(LinkedArtifacts::item).toList());
    }

    private static Item item(Report r) {
        return new Item(r.artifact(), r.sprintId(), r.reportedAt(), r.evidenceId());
    }

    public long reportedCount() {
        return required.stream().filter(Item::reported).count();
    }

    public boolean isEmpty() {
        return required.isEmpty() && other.isEmpty();
    }
}
