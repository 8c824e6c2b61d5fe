package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageRuleTest {

    private static final List<String> ONE = List.of("BookingFlow");
    private static final List<String> TWO = List.of("BookingFlow", "Notification.Email.Send");

    private static GateCondition.Coverage atLeast(double threshold) {
        return new GateCondition.Coverage("qaCoverageAbove", threshold, true);
    }

    @Test
    void exactlyAtTheThresholdPasses() {
        var result = evaluateOne(ONE, atLeast(90), evidence().coverage("BookingFlow", 90.0, 4).build());
        assertResult(GateStatus.PASSED, "BookingFlow 90.0%; aggregate 90.0% (weighted by test count) is at least 90", result);
        assertEquals(90.0, result.actual());
    }

    @Test
    void justBelowTheThresholdFailsAndShowsEnoughDecimalsToSeeWhy() {
        var result = evaluateOne(ONE, atLeast(90), evidence().coverage("BookingFlow", 89.96, 4).build());
        assertResult(GateStatus.FAILED, "BookingFlow 89.96% is below 90; aggregate 89.96% is below 90", result);
        assertEquals(90.0, result.actual(), "actual is rounded to one decimal; the detail shows the truth");
    }

    @Test
    void eightyNinePointNineFiveAgainstNinetyFails() {
        var result = evaluateOne(ONE, atLeast(90), evidence().coverage("BookingFlow", 89.95, 4).build());
        assertResult(GateStatus.FAILED, "BookingFlow 89.95% is below 90; aggregate 89.95% is below 90", result);
    }

    @Test
    void muchCloserIsCutNotRoundedUpToTheThreshold() {
        var result = evaluateOne(ONE, atLeast(90), evidence().coverage("BookingFlow", 89.9999, 4).build());
        assertResult(GateStatus.FAILED, "BookingFlow 89.99% is below 90; aggregate 89.99% is below 90", result);
    }

    @Test
    void aMeanThatIsExactlyTheThresholdInDecimalPassesDespiteBinaryFloatingPoint() {
        // In doubles (0.1 + 0.2) / 2 * ... drifts; in decimals (89.7 + 90.3) / 2 is exactly 90.
        var ev = evidence().coverage("BookingFlow", 89.7, 0).coverage("Notification.Email.Send", 90.3, 0).build();
        assertEquals(GateStatus.PASSED, evaluateOne(TWO, atLeast(90), ev).status());
        var weighted = evidence().coverage("BookingFlow", 80.1, 3).coverage("Notification.Email.Send", 94.95, 7).build();
        // (80.1*3 + 94.95*7) / 10 = (240.3 + 664.65) / 10 = 90.495
        assertEquals(GateStatus.PASSED, evaluateOne(TWO, atLeast(90.495), weighted).status());
        assertEquals(GateStatus.FAILED, evaluateOne(TWO, atLeast(90.496), weighted).status());
    }

    @Test
    void aggregateFailsNamingTheFeaturesBelow() {
        var ev = evidence().coverage("BookingFlow", 86.4, 10).coverage("Notification.Email.Send", 89.6, 10).build();
        var result = evaluateOne(TWO, atLeast(90), ev);
        assertResult(GateStatus.FAILED, "BookingFlow 86.4% is below 90, Notification.Email.Send 89.6% is below 90; aggregate 88.0% is below 90", result);
        assertEquals(88.0, result.actual());
    }

    @Test
    void onlyFeaturesBelowAreNamedWhenTheAggregateFails() {
        var ev = evidence().coverage("BookingFlow", 92.0, 1).coverage("Notification.Email.Send", 84.0, 1).build();
        assertResult(GateStatus.FAILED, "Notification.Email.Send 84.0% is below 90; aggregate 88.0% is below 90", evaluateOne(TWO, atLeast(90), ev));
    }

    @Test
    void weightingByTestCountCanTurnTheVerdict() {
        // plain mean 90.0 would pass; weighted (80*9 + 100*1) / 10 = 82 fails
        var ev = evidence().coverage("BookingFlow", 80.0, 9).coverage("Notification.Email.Send", 100.0, 1).build();
        var result = evaluateOne(TWO, atLeast(90), ev);
        assertEquals(GateStatus.FAILED, result.status());
        assertEquals(82.0, result.actual());
    }

    @Test
    void oneFeatureWithZeroTestsMeansThePlainMeanForAll() {
        var ev = evidence().coverage("BookingFlow", 80.0, 9).coverage("Notification.Email.Send", 100.0, 0).build();
        var result = evaluateOne(TWO, atLeast(90), ev);
        assertResult(GateStatus.PASSED, "BookingFlow 80.0%, Notification.Email.Send 100.0%; aggregate 90.0% (plain mean) is at least 90", result);
    }

    @Test
    void aFeatureWithoutCoverageFailsTheGateAndIsNamed() {
        var ev = evidence().coverage("BookingFlow", 99.0, 3).build();
        var result = evaluateOne(List.of("BookingFlow", "Auth.Login"), atLeast(90), ev);
        assertResult(GateStatus.FAILED, "no coverage data for Auth.Login; BookingFlow 99.0%", result);
        assertEquals(99.0, result.actual());
    }

    @Test
    void noCoverageForAnyFeatureFailsNamingThemAll() {
        var result = evaluateOne(TWO, atLeast(90), evidence().build());
        assertResult(GateStatus.FAILED, "no coverage data for BookingFlow, Notification.Email.Send", result);
        assertNull(result.actual());
        assertEquals(List.of(), result.evidence());
    }

    @Test
    void deferredFeaturesAreLeftOutOfTheAggregate() {
        var ev = evidence().coverage("BookingFlow", 95.0, 3).coverage("Notification.Email.Send", 10.0, 3).defer("Notification.Email.Send").build();
        GateReport report = GateEngine.evaluate(TWO, List.of(atLeast(90)), ev);
        assertResult(GateStatus.PASSED, "BookingFlow 95.0%; aggregate 95.0% (weighted by test count) is at least 90", report.gates().get(0));
        assertEquals(95.0, report.coverageAverage());
        assertEquals(List.of("BookingFlow"), List.copyOf(report.featureCoverage().keySet()));
    }

    @Test
    void aDeferredFeatureWithoutDataDoesNotFailTheGate() {
        var ev = evidence().coverage("BookingFlow", 95.0, 3).defer("Auth.Login").build();
        assertEquals(GateStatus.PASSED, evaluateOne(List.of("BookingFlow", "Auth.Login"), atLeast(90), ev).status());
    }

    @Test
    void pendingWithoutInScopeFeatures() {
        var result = evaluateOne(List.of(), atLeast(90), evidence().coverage("BookingFlow", 95.0, 3).build());
        assertResult(GateStatus.PENDING, "no required features in scope", result);
        assertEquals(90.0, result.threshold());
        var allDeferred = evidence().defer("BookingFlow").build();
        assertEquals(GateStatus.PENDING, evaluateOne(ONE, atLeast(90), allDeferred).status());
    }

    @ParameterizedTest
    @CsvSource({"0, 0.0, PASSED", "100, 100.0, PASSED", "100, 99.99, FAILED", "92.5, 92.5, PASSED", "92.5, 92.49, FAILED"})
    void thresholdBoundaries(double threshold, double coverage, GateStatus expected) {
        assertEquals(expected, evaluateOne(ONE, atLeast(threshold), evidence().coverage("BookingFlow", coverage, 1).build()).status());
    }

    @Test
    void thresholdWithDecimalsIsShownAsWritten() {
        var result = evaluateOne(ONE, atLeast(92.5), evidence().coverage("BookingFlow", 92.45, 1).build());
        assertResult(GateStatus.FAILED, "BookingFlow 92.45% is below 92.5; aggregate 92.45% is below 92.5", result);
    }

    @Test
    void evidenceListsTheCoverageSourcesUsed() {
        EvidenceFixture fixture = evidence().coverage("BookingFlow", 95.0, 3);
        EvidenceRef first = fixture.lastRef();
        fixture.coverage("Notification.Email.Send", 91.0, 3);
        assertEquals(List.of(first, fixture.lastRef()), evaluateOne(TWO, atLeast(90), fixture.build()).evidence());
    }

    @Test
    void aliasNamesAreKeptInTheResult() {
        var gate = new GateCondition.Coverage("testCoverageAbove", 85, false);
        var result = evaluateOne(ONE, gate, evidence().coverage("BookingFlow", 85.0, 1).build());
        assertEquals("testCoverageAbove", result.condition());
        assertEquals(85.0, result.threshold());
        assertEquals(GateStatus.PASSED, result.status());
    }

    @Test
    void reportAverageIsRoundedToOneDecimalAndFeatureCoverageKeepsMissingOnesAsNull() {
        var ev = evidence().coverage("BookingFlow", 93.14, 0).build();
        GateReport report = GateEngine.evaluate(List.of("BookingFlow", "Auth.Login"), List.of(), ev);
        assertEquals(93.1, report.coverageAverage());
        assertEquals(93.14, report.featureCoverage().get("BookingFlow"));
        assertNull(report.featureCoverage().get("Auth.Login"));
        assertEquals(List.of("BookingFlow", "Auth.Login"), List.copyOf(report.featureCoverage().keySet()));
    }

    @Test
    void halfwayRoundsUpInTheReadOut() {
        var ev = evidence().coverage("BookingFlow", 91.25, 1).coverage("Notification.Email.Send", 91.25, 1).build();
        var result = evaluateOne(TWO, atLeast(90), ev);
        assertEquals(91.3, result.actual());
        assertEquals("BookingFlow 91.3%, Notification.Email.Send 91.3%; aggregate 91.3% (weighted by test count) is at least 90", result.detail());
    }
}
