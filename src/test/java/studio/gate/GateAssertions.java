package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

final class GateAssertions {

    private GateAssertions() {}

    /** Evaluates one gate and returns its result. */
    static GateResult evaluateOne(List<String> required, GateCondition gate, MilestoneEvidence ev) {
        GateReport report = GateEngine.evaluate(required, List.of(gate), ev);
        assertEquals(1, report.gates().size());
        return report.gates().get(0);
    }

    static void assertResult(GateStatus status, String detail, GateResult result) {
        assertEquals(status, result.status(), () -> "status; detail was: " + result.detail());
        assertEquals(detail, result.detail());
    }
}
