package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.gate.EvidenceRef;
import studio.gate.GateCondition;
import studio.gate.GateReport;
import studio.gate.GateResult;
import studio.gate.GateStatus;
import studio.milestone.MilestonePage.GateRow;

/** How the gate matrix reads, and that a stored report reads back as the engine wrote it. */
class GateReadingsTest {

    static GateResult result(String name, Double threshold, String role, Double actual, List<EvidenceRef> evidence) {
        return new GateResult(name, GateStatus.FAILED, threshold, role, actual, "detail", evidence, null, null);
    }

    @Test
    void eachKindOfGateSaysWhatItAsksForAndWhatWasFound() {
        GateRow coverage = GateReadings.row(result("qaCoverageAbove", 90.0, null, 89.96, List.of()),
                new GateCondition.Coverage("qaCoverageAbove", 90, true), "m");
        GateRow score = GateReadings.row(result("resilienceScoreAbove", 85.0, null, 7.25, List.of()),
                new GateCondition.Signal("resilienceScoreAbove", 85.0, null), "m");
        GateRow manual = GateReadings.row(result("manualApproval", null, "product-owner", null, List.of()),
                new GateCondition.ManualApproval("manualApproval", "product-owner"), "m");
        GateRow gone = GateReadings.row(result("oldGate", 70.0, null, null, List.of()), null, "m");
        assertAll(() -> assertEquals("at least 90.0%", coverage.expected()), () -> assertEquals("90.0%", coverage.found()),
                () -> assertEquals("at least 85", score.expected()), () -> assertEquals("7.25", score.found()),
                () -> assertEquals("approval by product-owner", manual.expected()), () -> assertNull(manual.found()),
                () -> assertEquals("at least 70", gone.expected(), "a gate the definition no longer has still reads"));
    }

    @Test
    void storedEvidenceLinksToItsPageOverridesToTheirRowAndDecisionsToNothing() {
        GateRow row = GateReadings.row(result("g", null, null, null, List.of(new EvidenceRef("qa-report", 12),
                new EvidenceRef("override", 3), new EvidenceRef("decision", 4))), null, "a b/c");
        assertAll(() -> assertEquals("/milestones/a%20b%2Fc/evidence/12", row.evidence().get(0).href()),
                () -> assertEquals("#override-3", row.evidence().get(1).href()),
                () -> assertNull(row.evidence().get(2).href()),
                () -> assertEquals("qa-report #12", row.evidence().get(0).label()));
    }

    @Test
    void aStoredReportReadsBackAsTheEngineWroteIt() {
        GateReport report = new GateReport(List.of(
                new GateResult("qaCoverageAbove", GateStatus.OVERRIDDEN, 90.0, null, 89.6, "BookingFlow 89.6%",
                        List.of(new EvidenceRef("qa-report", 2), new EvidenceRef("override", 1)), 1L, "qa-lead-2"),
                new GateResult("manualApproval", GateStatus.PENDING, null, "product-owner", null, "awaiting product-owner", List.of(), null, null)),
                89.6, Map.of("BookingFlow", 89.6), List.of("sprint-1"), List.of("BookingFlow"));
        assertEquals(report, StoredReport.of(MilestoneReadout.report(report)));
        assertEquals(List.of(), StoredReport.of(null).gates());
    }
}
