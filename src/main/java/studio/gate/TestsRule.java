package studio.gate;

import java.util.ArrayList;
import java.util.List;
import studio.gate.MilestoneEvidence.SprintFact;
import studio.gate.MilestoneEvidence.TestResultFact;

/**
 * {@code allTestsPass}: the newest QA data of every contributing sprint reports zero failed tests. Any failure
 * fails the gate; otherwise a contributing sprint without QA data keeps it pending.
 */
final class TestsRule {

    private TestsRule() {}

    static GateResult evaluate(GateCondition gate, MilestoneScope scope, MilestoneEvidence ev) {
        if (scope.contributing().isEmpty()) return Results.of(gate, GateStatus.PENDING, "no contributing sprint yet", List.of());
        List<String> failing = new ArrayList<>();
        List<String> passing = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        List<EvidenceRef> evidence = new ArrayList<>();
        int failedTotal = 0;
        for (SprintFact sprint : scope.contributing()) {
            TestResultFact tests = ev.sprintTests().get(sprint.sprintId());
            if (tests == null) {
                silent.add(sprint.sprintId());
                continue;
            }
            evidence.add(tests.source());
            failedTotal += tests.failed();
            if (tests.failed() > 0) failing.add(sprint.sprintId() + ": " + tests.failed() + " of " + (tests.passed() + tests.failed()) + " failed");
            else passing.add(sprint.sprintId() + " (" + tests.passed() + " passed)");
        }
        Double actual = evidence.isEmpty() ? null : (double) failedTotal;
        String noData = silent.isEmpty() ? null : "no QA data from " + String.join(", ", silent);
        if (!failing.isEmpty()) return Results.of(gate, GateStatus.FAILED, null, actual, join(String.join("; ", failing), noData), evidence);
        if (noData != null) return Results.of(gate, GateStatus.PENDING, null, actual, join(noData, passed(passing)), evidence);
        return Results.of(gate, GateStatus.PASSED, null, actual, "no failed tests: " + String.join(", ", passing), evidence);
    }

    private static String passed(List<String> passing) {
        return passing.isEmpty() ? null : "no failed tests in " + String.join(", ", passing);
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "; " + second;
    }
}
