package studio.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import studio.gate.MilestoneEvidence.SprintFact;

/**
 * What a milestone's gates look at: its in-scope features (required minus deferred, in definition order) and
 * its contributing sprints (linked to the milestone, or delivering an in-scope feature), sorted by id.
 */
public record MilestoneScope(String milestoneId, List<String> features, List<SprintFact> contributing) {

    public static MilestoneScope of(List<String> requiredFeatures, MilestoneEvidence ev) {
        Set<String> inScope = new LinkedHashSet<>(requiredFeatures == null ? List.of() : requiredFeatures);
        inScope.removeAll(ev.deferred());
        List<SprintFact> contributing = new ArrayList<>();
        for (SprintFact sprint : ev.candidateSprints()) {
            if (sprint.milestones().contains(ev.milestoneId()) || sprint.features().stream().anyMatch(inScope::contains)) {
                contributing.add(sprint);
            }
        }
        contributing.sort(Comparator.comparing(SprintFact::sprintId));
        return new MilestoneScope(ev.milestoneId(), List.copyOf(inScope), List.copyOf(contributing));
    }

    public List<String> contributingIds() {
        return contributing.stream().map(SprintFact::sprintId).toList();
    }

    public boolean contributes(String sprintId) {
        return contributing.stream().anyMatch(s -> s.sprintId().equals(sprintId));
    }

    /** In-scope features delivered by at least one Closed contributing sprint, in scope order. */
    public List<String> featuresDeliveredByClosedSprints() {
        Set<String> delivered = contributing.stream()
                .filter(s -> s.state() == MilestoneEvidence.SprintState.CLOSED)
                .flatMap(s -> s.features().stream())
                .collect(Collectors.toSet());
        return features.stream().filter(delivered::contains).toList();
    }

    /**
     * The contributing sprints have settled when the sprint-closure rule (allSprintsClosed) is decided either way:
     * every in-scope feature delivered by a Closed sprint, or a contributing sprint Blocked. This is what moves a
     * milestone from Pending to Verifying, whether or not the milestone lists allSprintsClosed as a gate.
     */
    public boolean sprintsSettled() {
        return SprintClosureRule.status(this) != GateStatus.PENDING;
    }
}
