package studio.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SprintCoverageTest {

    static FeatureMeasure m(String f, Double percent, int tests) {
        return new FeatureMeasure(f, percent, percent == null ? null : "qa", tests);
    }

    @Test
    void weightedByTestCountWhenEveryMeasuredFeatureHasTests() {
        // the spec's worked example: 93.1% over 17 tests and 89.6% over 18 give 91.3%
        double v = SprintCoverage.aggregate(List.of(m("BookingFlow", 93.1, 17), m("Notification.Email.Send", 89.6, 18)));
        assertEquals(91.3, Math.round(v * 10) / 10.0, 1e-9);
    }

    @Test
    void plainMeanWhenAnyMeasuredFeatureLacksATestCount() {
        assertEquals(90.0, SprintCoverage.aggregate(List.of(m("a", 100.0, 0), m("b", 80.0, 99))), 1e-9);
    }

    @Test
    void unmeasuredFeaturesAreLeftOutAndNothingMeasuredIsNoFigure() {
        assertEquals(80.0, SprintCoverage.aggregate(List.of(m("a", 80.0, 5), m("b", null, 10))), 1e-9);
        assertNull(SprintCoverage.aggregate(List.of(m("b", null, 10))));
        assertNull(SprintCoverage.aggregate(List.of()));
    }

    @Test
    void theLedgerPrefersQaOverTraceAndWeighsByTracedTestsWhenQaGivesNone() {
        CoverageLedger ledger = new CoverageLedger();
        ledger.coverage("s1", "BookingFlow", "trace", 70.0, 17);
        ledger.coverage("s1", "BookingFlow", "qa", 93.1, 0);
        ledger.traced("s1", "BookingFlow", 17);
        ledger.coverage("s1", "Email", "trace", 88.0, 0);
        ledger.traced("s1", "Docs", 3);
        FeatureMeasure booking = ledger.measure("s1", "BookingFlow");
        assertEquals(new FeatureMeasure("BookingFlow", 93.1, "qa", 17), booking);
        assertEquals("QA report", booking.sourceLabel());
        assertEquals(new FeatureMeasure("Email", 88.0, "trace", 0), ledger.measure("s1", "Email"));
        assertEquals(new FeatureMeasure("Docs", null, null, 3), ledger.measure("s1", "Docs"));
        assertEquals(List.of("BookingFlow", "Email", "Docs"), List.copyOf(ledger.of("s1").keySet()));
        assertEquals(List.of(), List.copyOf(ledger.of("s2").keySet()), "another sprint's evidence is its own");
    }
}
