package studio.sprint;

import java.util.ArrayList;
import java.util.List;
import studio.definition.GateCatalog;
import studio.gate.GateStatus;

/**
 * A sprint's own {@code gates} (sprints.yaml), judged on the sprint's own evidence: the spec's "FSM gate conditions
 * prevent sprint closure unless trace matrix and test metrics validate success". A SprintClosed closes the sprint only
 * when every gate has passed; while one is still waiting for evidence the sprint is Verifying, and while one has
 * failed it is Blocked (which fails its milestones' allSprintsClosed). New evidence judges it again.
 */
public final class SprintGates {

    /** The newest trace entry of one of the sprint's features (null counts: the feature is in no matrix yet). */
    public record FeatureTrace(String feature, Integer tests, Integer artifacts) {}

    /** The sprint's newest QA test figures. */
    public record Tests(int passed, int failed) {}

    /** One gate's verdict, with the reason a person reads on the sprint page and in the audit trail. */
    public record Result(String gate, GateStatus status, String detail) {
        /** The status as the page's chips name it: passed, failed, pending. */
        public String chip() {
            return status.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every gate's verdict. */
    public record Judgement(List<Result> results) {

        public Judgement {
            results = List.copyOf(results);
        }

        /** No gate, or every gate passed: a SprintClosed closes the sprint. */
        public boolean clear() {
            return results.stream().allMatch(r -> r.status() == GateStatus.PASSED);
        }

        public boolean failed() {
            return results.stream().anyMatch(r -> r.status() == GateStatus.FAILED);
        }

        /** "testsPassed: 2 of 10 failed; traceValidated: no trace matrix from this sprint yet". */
        public String holding() {
            return String.join("; ", results.stream().filter(r -> r.status() != GateStatus.PASSED)
                    .map(r -> r.gate() + ": " + r.detail()).toList());
        }
    }

    private SprintGates() {}

    /**
     * @param traced   whether any trace matrix of this sprint has arrived
     * @param features the sprint's features, each with its newest trace entry from this sprint
     * @param tests    the sprint's newest QA test figures, null when none arrived
     */
    public static Judgement judge(List<String> gates, boolean traced, List<FeatureTrace> features, Tests tests) {
        List<Result> results = new ArrayList<>();
        for (String gate : gates) {
            if (GateCatalog.whyNotSprintGate(gate) != null) {
                // stored before Studio refused it: hold the sprint rather than let an unjudged gate pass
                results.add(new Result(gate, GateStatus.FAILED, "not a gate a sprint's evidence decides; import the sprint again without it"));
            } else if (GateCatalog.kindOf(gate) == GateCatalog.Kind.ALL_TESTS_PASS) {
                results.add(tests(gate, tests));
            } else {
                results.add(trace(gate, traced, features));
            }
        }
        return new Judgement(results);
    }

    private static Result tests(String gate, Tests tests) {
        if (tests == null) return new Result(gate, GateStatus.PENDING, "no QA report with test results from this sprint yet");
        if (tests.failed() > 0) {
            return new Result(gate, GateStatus.FAILED, tests.failed() + " of " + (tests.passed() + tests.failed()) + " tests failed");
        }
        return new Result(gate, GateStatus.PASSED, tests.passed() + " tests passed, none failed");
    }

    private static Result trace(String gate, boolean traced, List<FeatureTrace> features) {
        if (!traced) return new Result(gate, GateStatus.PENDING, "no trace matrix from this sprint yet");
        List<String> gaps = new ArrayList<>();
        for (FeatureTrace f : features) {
            boolean tests = f.tests() != null && f.tests() >= 1;
            boolean artifacts = f.artifacts() != null && f.artifacts() >= 1;
            if (f.tests() == null) gaps.add(f.feature() + ": not in the sprint's trace matrix");
            else if (!tests && !artifacts) gaps.add(f.feature() + ": no tests and no artifacts");
            else if (!tests) gaps.add(f.feature() + ": no tests");
            else if (!artifacts) gaps.add(f.feature() + ": no artifacts");
        }
        if (!gaps.isEmpty()) return new Result(gate, GateStatus.FAILED, String.join("; ", gaps));
        if (features.isEmpty()) return new Result(gate, GateStatus.PASSED, "trace matrix received; the sprint names no features");
        return new Result(gate, GateStatus.PASSED, features.size() == 1 ? features.get(0).feature() + " traced with tests and artifacts"
                : "all " + features.size() + " features traced with tests and artifacts");
    }
}
