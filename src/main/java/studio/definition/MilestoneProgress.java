package studio.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.gate.GateStatus;

/**
 * How far a milestone is, per docs/spec/milestone-and-deliverable-system.md: met acceptance criteria over all criteria, and
 * completed deliverables over all deliverables. A criterion linked to a gate is met when that gate is satisfied
 * (passed or overridden); any other criterion is met when a person marked it so, in the definition ({@code [x]},
 * {@code met: true}) or since.
 *
 * @param criteriaPercent     null when the milestone has no criteria
 * @param deliverablesPercent null when the milestone has no deliverables
 * @param atRisk              past its target date with a failing gate
 */
public record MilestoneProgress(
        int criteriaMet,
        int criteriaTotal,
        Double criteriaPercent,
        int deliverablesCompleted,
        int deliverablesTotal,
        Double deliverablesPercent,
        boolean atRisk) {

    /**
     * @param gateStatus          status of each gate by its name as written
     * @param criteriaMetByPeople texts of criteria people have marked met since the definition was written
     */
    public static MilestoneProgress of(MilestoneDefinition milestone, Map<String, GateStatus> gateStatus,
                                       Set<String> criteriaMetByPeople, LocalDate today, boolean anyGateFailed) {
        List<AcceptanceCriterion> criteria = milestone.acceptanceCriteria();
        int met = (int) criteria.stream().filter(c -> isMet(c, gateStatus, criteriaMetByPeople)).count();
        int completed = (int) milestone.deliverables().stream().filter(Deliverable::completed).count();
        int deliverables = milestone.deliverables().size();
        return new MilestoneProgress(met, criteria.size(), percent(met, criteria.size()),
                completed, deliverables, percent(completed, deliverables),
                atRisk(milestone.targetDate(), today, anyGateFailed));
    }

    static boolean isMet(AcceptanceCriterion c, Map<String, GateStatus> gateStatus, Set<String> metByPeople) {
        if (c.gate() != null) {
            GateStatus status = gateStatus.get(c.gate());
            return status != null && status.satisfied();
        }
        return Boolean.TRUE.equals(c.met()) || metByPeople.contains(c.text());
    }

    /** Past the target date (strictly after it) while a gate fails; never at risk without a target date. */
    public static boolean atRisk(LocalDate targetDate, LocalDate today, boolean anyGateFailed) {
        return targetDate != null && today.isAfter(targetDate) && anyGateFailed;
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }
}
