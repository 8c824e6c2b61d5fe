package studio.gate;

import java.util.ArrayList;
import java.util.List;
import studio.gate.MilestoneEvidence.TraceFact;

/**
 * {@code traceMatrixComplete}: every in-scope feature has an entry in a contributing sprint's trace matrix with at
 * least one test and at least one artifact (in the same entry). Pending until any contributing sprint has sent a
 * trace matrix at all; from then on each feature that lacks such an entry fails the gate, named with what it lacks.
 */
final class TraceRule {

    private TraceRule() {}

    static GateResult evaluate(GateCondition gate, MilestoneScope scope, MilestoneEvidence ev) {
        if (scope.features().isEmpty()) return Results.of(gate, GateStatus.PENDING, "no required features in scope", List.of());
        if (!anyTraceFrom(scope, ev)) return Results.of(gate, GateStatus.PENDING, "no trace matrix received yet", List.of());
        List<String> gaps = new ArrayList<>();
        List<EvidenceRef> evidence = new ArrayList<>();
        for (String feature : scope.features()) {
            List<TraceFact> entries = entries(feature, scope, ev);
            entries.forEach(e -> evidence.add(e.source()));
            String gap = gap(feature, entries);
            if (gap != null) gaps.add(gap);
        }
        if (gaps.isEmpty()) {
            String detail = String.join(", ", scope.features()) + " traced with tests and artifacts";
            return Results.of(gate, GateStatus.PASSED, detail, evidence);
        }
        return Results.of(gate, GateStatus.FAILED, String.join("; ", gaps), evidence);
    }

    private static boolean anyTraceFrom(MilestoneScope scope, MilestoneEvidence ev) {
        return ev.traces().values().stream().flatMap(List::stream).anyMatch(t -> scope.contributes(t.sprintId()));
    }

    private static List<TraceFact> entries(String feature, MilestoneScope scope, MilestoneEvidence ev) {
        return ev.traces().getOrDefault(feature, List.of()).stream().filter(t -> scope.contributes(t.sprintId())).toList();
    }

    /** Null when the feature is fully traced, else what is missing: "Auth.Login: no artifacts". */
    private static String gap(String feature, List<TraceFact> entries) {
        if (entries.isEmpty()) return feature + ": not in any trace matrix";
        if (entries.stream().anyMatch(e -> e.tests() >= 1 && e.artifacts() >= 1)) return null;
        boolean tests = entries.stream().anyMatch(e -> e.tests() >= 1);
        boolean artifacts = entries.stream().anyMatch(e -> e.artifacts() >= 1);
        if (!tests && !artifacts) return feature + ": no tests and no artifacts";
        if (!tests) return feature + ": no tests";
        if (!artifacts) return feature + ": no artifacts";
        return feature + ": tests and artifacts are in different sprints' matrices, never together";
    }
}
