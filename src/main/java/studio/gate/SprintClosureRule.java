package studio.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import studio.gate.MilestoneEvidence.SprintFact;
import studio.gate.MilestoneEvidence.SprintState;

/**
 * {@code allSprintsClosed}: failed while a contributing sprint is Blocked (by SprintBlocked, or by its own gates failing
 * after SprintClosed); passed when every in-scope feature is
 * delivered by a Closed contributing sprint (without in-scope features: when there is at least one contributing
 * sprint and all are Closed); otherwise pending, because the sprints that would decide it have not finished (or
 * not yet been planned) and a gate with missing inputs is never failed on a guess.
 */
final class SprintClosureRule {

    private SprintClosureRule() {}

    static GateResult evaluate(GateCondition gate, MilestoneScope scope) {
        List<EvidenceRef> evidence = scope.contributing().stream()
                .filter(s -> s.state() == SprintState.CLOSED).map(SprintFact::closedBy).toList();
        return Results.of(gate, status(scope), detail(scope), evidence);
    }

    static GateStatus status(MilestoneScope scope) {
        if (scope.contributing().stream().anyMatch(s -> s.state() == SprintState.BLOCKED)) return GateStatus.FAILED;
        if (scope.features().isEmpty()) {
            boolean allClosed = scope.contributing().stream().allMatch(s -> s.state() == SprintState.CLOSED);
            return !scope.contributing().isEmpty() && allClosed ? GateStatus.PASSED : GateStatus.PENDING;
        }
        return undelivered(scope).isEmpty() ? GateStatus.PASSED : GateStatus.PENDING;
    }

    private static List<String> undelivered(MilestoneScope scope) {
        List<String> delivered = scope.featuresDeliveredByClosedSprints();
        return scope.features().stream().filter(f -> !delivered.contains(f)).toList();
    }

    /** "closed: s1, s2; open: s3 (Active); no sprint delivers Auth.Login". */
    private static String detail(MilestoneScope scope) {
        List<String> parts = new ArrayList<>();
        if (scope.contributing().isEmpty()) parts.add("no contributing sprint yet");
        String closed = scope.contributing().stream().filter(s -> s.state() == SprintState.CLOSED)
                .map(SprintFact::sprintId).collect(Collectors.joining(", "));
        if (!closed.isEmpty()) parts.add("closed: " + closed);
        String open = scope.contributing().stream().filter(s -> s.state() != SprintState.CLOSED)
                .map(SprintClosureRule::open).collect(Collectors.joining(", "));
        if (!open.isEmpty()) parts.add("open: " + open);
        for (String feature : undelivered(scope)) parts.add(awaiting(feature, scope));
        return String.join("; ", parts);
    }

    /** "s3 (Active)", or for a closing its own gates hold: "s3 (Blocked: SprintClosed held by testsPassed: 2 of 10 tests failed)". */
    private static String open(SprintFact s) {
        if (s.closureHeld() == null) return s.sprintId() + " (" + s.state().label() + ")";
        return s.sprintId() + " (" + s.state().label() + ": SprintClosed held by its gates: " + s.closureHeld() + ")";
    }

    private static String awaiting(String feature, MilestoneScope scope) {
        String deliverers = scope.contributing().stream().filter(s -> s.features().contains(feature))
                .map(SprintFact::sprintId).collect(Collectors.joining(", "));
        return deliverers.isEmpty() ? "no sprint delivers " + feature : feature + " awaits " + deliverers;
    }
}
