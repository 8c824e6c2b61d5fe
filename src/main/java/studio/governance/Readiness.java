package studio.governance;

import java.util.List;
import studio.gate.GateCondition;
import studio.gate.GateEngine;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.gate.MilestoneEvidence;
import studio.gate.MilestoneScope;

/**
 * What the lifecycle needs to know about the gates right now.
 *
 * @param outcome        the gate report's outcome (FAILED if any gate failed, else PENDING if any pending, else PASSED)
 * @param sprintsSettled the contributing sprints are settled (see {@link MilestoneScope#sprintsSettled})
 * @param failedGates    names of the failed gates, for the reason of a block
 * @param overridden     some gate is satisfied only through an approved override (reaching is then a force close)
 */
public record Readiness(GateReport.Outcome outcome, boolean sprintsSettled, List<String> failedGates, boolean overridden) {

    public Readiness {
        failedGates = failedGates == null ? List.of() : List.copyOf(failedGates);
    }

    public Readiness(GateReport.Outcome outcome, boolean sprintsSettled, List<String> failedGates) {
        this(outcome, sprintsSettled, failedGates, false);
    }

    public static Readiness of(GateReport report, MilestoneScope scope) {
        List<String> failed = report.gates().stream().filter(g -> g.status() == GateStatus.FAILED).map(GateResult::condition).toList();
        boolean overridden = report.gates().stream().anyMatch(g -> g.status() == GateStatus.OVERRIDDEN);
        return new Readiness(report.outcome(), scope.sprintsSettled(), failed, overridden);
    }

    /** Evaluates the gates and the sprints' settlement in one go. */
    public static Readiness assess(List<String> requiredFeatures, List<GateCondition> gates, MilestoneEvidence ev) {
        return of(GateEngine.evaluate(requiredFeatures, gates, ev), MilestoneScope.of(requiredFeatures, ev));
    }
}
