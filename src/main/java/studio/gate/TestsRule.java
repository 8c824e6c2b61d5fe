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
        Tally t = Tally.of(scope, ev);
        Double actual = t.evidence().isEmpty() ? null : (double) t.failedTotal();
        String noData = t.silent().isEmpty() ? null : "no QA data from " + String.join(", ", t.silent());
        if (!t.failing().isEmpty()) return Results.of(gate, GateStatus.FAILED, null, actual, join(String.join("; ", t.failing()), noData), t.evidence());
        if (noData != null) {
            String passed = t.passing().isEmpty() ? null : "no failed tests in " + String.join(", ", t.passing());
            return Results.of(gate, GateStatus.PENDING, null, actual, join(noData, passed), t.evidence());
        }
        return Results.of(gate, GateStatus.PASSED, null, actual, "no failed tests: " + String.join(", ", t.passing()), t.evidence());
    }

    /** Each contributing sprint sorted into failing, passing or silent (no QA data). */
    private record Tally(List<String> failing, List<String> passing, List<String> silent, List<EvidenceRef> evidence, int failedTotal) {

        static Tally of(MilestoneScope scope, MilestoneEvidence ev) {
            Tally t = new Tally(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
            int failed = 0;
            for (SprintFact sprint : scope.contributing()) {
                TestResultFact tests = ev.sprintTests().get(sprint.sprintId());
                if (tests == null) {
                    t.silent().add(sprint.sprintId());
                    continue;
                }
                t.evidence().add(tests.source());
                failed += tests.failed();
                if (tests.failed() > 0) t.failing().add(sprint.sprintId() + ": " + tests.failed() + " of " + (tests.passed() + tests.failed()) + " failed");
                else t.passing().add(sprint.sprintId() + " (" + tests.passed() + " passed)");
            }
            return new Tally(t.failing(), t.passing(), t.silent(), t.evidence(), failed);
        }
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "; " + second;
    }
}
