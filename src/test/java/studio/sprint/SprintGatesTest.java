package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.GateStatus;
import studio.sprint.SprintGates.FeatureTrace;
import studio.sprint.SprintGates.Judgement;
import studio.sprint.SprintGates.Tests;

class SprintGatesTest {

    private static final List<String> BOTH = List.of("traceValidated", "testsPassed");

    @Test
    void withoutGatesASprintClosedCloses() {
        assertTrue(SprintGates.judge(List.of(), false, List.of(), null).clear());
    }

    @Test
    void missingEvidenceWaitsAndFailedEvidenceHolds() {
        Judgement none = SprintGates.judge(BOTH, false, List.of(new FeatureTrace("F", null, null)), null);
        assertFalse(none.clear());
        assertFalse(none.failed(), "nothing has failed yet: the closing waits");
        assertEquals("traceValidated: no trace matrix from this sprint yet; testsPassed: no QA report with test results from this sprint yet",
                none.holding());

        Judgement failing = SprintGates.judge(BOTH, true, List.of(new FeatureTrace("F", 3, 1)), new Tests(8, 2));
        assertTrue(failing.failed());
        assertEquals("testsPassed: 2 of 10 tests failed", failing.holding());
    }

    @Test
    void theTraceGateNamesEachFeatureAndWhatItsEntryLacks() {
        Judgement j = SprintGates.judge(List.of("traceValidated"), true, List.of(new FeatureTrace("A", 2, 0),
                new FeatureTrace("B", 0, 3), new FeatureTrace("C", null, null), new FeatureTrace("D", 0, 0), new FeatureTrace("E", 1, 1)), null);
        assertEquals(GateStatus.FAILED, j.results().get(0).status());
        assertEquals("traceValidated: A: no artifacts; B: no tests; C: not in the sprint's trace matrix; D: no tests and no artifacts", j.holding());
    }

    @Test
    void everyGatePassedClearsTheClosing() {
        Judgement j = SprintGates.judge(List.of("traceMatrixComplete", "allTestsPass"), true,
                List.of(new FeatureTrace("A", 2, 1), new FeatureTrace("B", 1, 1)), new Tests(12, 0));
        assertTrue(j.clear());
        assertEquals("all 2 features traced with tests and artifacts", j.results().get(0).detail());
        assertEquals("12 tests passed, none failed", j.results().get(1).detail());
    }

    @Test
    void aStoredGateStudioNoLongerAcceptsOnASprintHoldsRatherThanPasses() {
        Judgement j = SprintGates.judge(List.of("securityValidated"), true, List.of(), new Tests(1, 0));
        assertTrue(j.failed());
        assertEquals("securityValidated: not a gate a sprint's evidence decides; import the sprint again without it", j.holding());
    }
}
