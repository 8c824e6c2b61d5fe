package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static studio.gate.EvidenceFixture.evidence;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.SprintState;

/** The spec's real-world milestone, mvp-ready, end to end through the engine. */
class WorkedExampleTest {

    private static final List<String> REQUIRED = List.of("BookingFlow", "Notification.Email.Send");
    private static final List<GateCondition> GATES = List.of(
            new GateCondition.AllSprintsClosed("allSprintsClosed"),
            new GateCondition.Coverage("qaCoverageAbove", 90, true),
            new GateCondition.TraceMatrixComplete("traceMatrixComplete"),
            new GateCondition.NoManualOverridesActive("noManualOverridesActive"));

    private static MilestoneEvidence mvpReady() {
        return evidence()
                .sprint("sprint-2025-06-core", SprintState.CLOSED, "BookingFlow")
                .sprint("sprint-2025-06-comm", SprintState.CLOSED, "Notification.Email.Send")
                .coverage("BookingFlow", 93.1, 17)
                .coverage("Notification.Email.Send", 89.6, 18)
                .trace("BookingFlow", "sprint-2025-06-core", 1, 1)
                .trace("Notification.Email.Send", "sprint-2025-06-comm", 2, 3)
                .build();
    }

    @Test
    void everyGatePassesAndTheMilestoneIsReady() {
        GateReport report = GateEngine.evaluate(REQUIRED, GATES, mvpReady());
        assertEquals(GateReport.Outcome.PASSED, report.outcome());
        assertEquals(List.of("allSprintsClosed", "qaCoverageAbove", "traceMatrixComplete", "noManualOverridesActive"), report.gatesPassed());
    }

    @Test
    void coverageIsTheTestCountWeightedMean913AndPassesNinety() {
        GateReport report = GateEngine.evaluate(REQUIRED, GATES, mvpReady());
        GateResult coverage = report.gates().get(1);
        assertEquals(GateStatus.PASSED, coverage.status());
        assertEquals(90.0, coverage.threshold());
        assertEquals(91.3, coverage.actual());
        assertEquals("BookingFlow 93.1%, Notification.Email.Send 89.6%; aggregate 91.3% (weighted by test count) is at least 90",
                coverage.detail());
        assertEquals(91.3, report.coverageAverage());
    }

    @Test
    void readOutFiguresNameSprintsAndFeatures() {
        GateReport report = GateEngine.evaluate(REQUIRED, GATES, mvpReady());
        assertEquals(List.of("sprint-2025-06-comm", "sprint-2025-06-core"), report.contributingSprints());
        assertEquals(REQUIRED, report.featuresCovered());
        assertEquals(Map.of("BookingFlow", 93.1, "Notification.Email.Send", 89.6), report.featureCoverage());
        assertEquals("closed: sprint-2025-06-comm, sprint-2025-06-core", report.gates().get(0).detail());
        assertNull(report.gates().get(0).overrideId());
    }

    @Test
    void withoutTestCountsThePlainMeanRoundsTo914() {
        MilestoneEvidence ev = evidence()
                .sprint("core", SprintState.CLOSED, "BookingFlow").sprint("comm", SprintState.CLOSED, "Notification.Email.Send")
                .coverage("BookingFlow", 93.1, 0).coverage("Notification.Email.Send", 89.6, 0).build();
        GateResult coverage = GateEngine.evaluate(REQUIRED, GATES, ev).gates().get(1);
        assertEquals(91.4, coverage.actual());
        assertEquals("BookingFlow 93.1%, Notification.Email.Send 89.6%; aggregate 91.4% (plain mean) is at least 90", coverage.detail());
    }

    @Test
    void theReportKeepsDefinitionOrderAndNamesAsWritten() {
        List<GateCondition> aliased = List.of(new GateCondition.TraceMatrixComplete("traceMatrixComplete"),
                new GateCondition.Coverage("testCoverageAbove90", 90, true), new GateCondition.AllSprintsClosed("allSprintsClosed"));
        GateReport report = GateEngine.evaluate(REQUIRED, aliased, mvpReady());
        assertEquals(List.of("traceMatrixComplete", "testCoverageAbove90", "allSprintsClosed"),
                report.gates().stream().map(GateResult::condition).toList());
    }
}
