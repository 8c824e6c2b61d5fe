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

class SignalRuleTest {

    private static final GateCondition.Signal PLAIN = new GateCondition.Signal("securityValidated", null, null);
    private static final GateCondition.Signal SCORE = new GateCondition.Signal("resilienceScoreAbove", 85.0, null);
    private static final GateCondition.Signal EXPECTED = new GateCondition.Signal("traceSpanPolicyCheck", null, "pass");

    @Test
    void pendingWithoutASignal() {
        assertResult(GateStatus.PENDING, "no securityValidated signal yet", evaluateOne(List.of(), PLAIN, evidence().build()));
        GateResult score = evaluateOne(List.of(), SCORE, evidence().build());
        assertResult(GateStatus.PENDING, "no resilienceScoreAbove signal yet", score);
        assertEquals(85.0, score.threshold());
    }

    @Test
    void passCarriesTheSignalsDetailAndEvidence() {
        EvidenceFixture fixture = evidence().signal("securityValidated", "pass", null, "JWT validation in place");
        GateResult result = evaluateOne(List.of(), PLAIN, fixture.build());
        assertResult(GateStatus.PASSED, "signal passed: JWT validation in place", result);
        assertEquals(List.of(fixture.lastRef()), result.evidence());
    }

    @Test
    void failFails() {
        var ev = evidence().signal("securityValidated", "fail", null, "missing span template in Email API").build();
        assertResult(GateStatus.FAILED, "signal failed: missing span template in Email API", evaluateOne(List.of(), PLAIN, ev));
    }

    @Test
    void aSignalForAnotherGateDoesNotCount() {
        var ev = evidence().signal("noCriticalFindings", "pass", null, null).build();
        assertEquals(GateStatus.PENDING, evaluateOne(List.of(), PLAIN, ev).status());
    }

    @ParameterizedTest
    @CsvSource({"85, PASSED, value 85 is at least 85", "85.5, PASSED, value 85.5 is at least 85", "84.99, FAILED, value 84.99 is below 85",
                "100, PASSED, value 100 is at least 85", "0, FAILED, value 0 is below 85"})
    void aThresholdComparesTheValueAtLeast(double value, GateStatus status, String detail) {
        var result = evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", null, value, null).build());
        assertResult(status, detail, result);
        assertEquals(value, result.actual());
    }

    @Test
    void aThresholdSignalWithoutValueIsPending() {
        var result = evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", "pass", null, "scan running").build());
        assertResult(GateStatus.PENDING, "signal has no value to compare with 85: scan running", result);
        assertNull(result.actual());
    }

    @Test
    void theValueDecidesWhenTheStatusDisagreesAndTheDetailSaysSo() {
        var result = evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", "fail", 99.0, null).build());
        assertResult(GateStatus.PASSED, "value 99 is at least 85 (the signal's status 'fail' disagrees; the value decides)", result);
    }

    @Test
    void aValueAloneDecidesANumericGate() {
        assertResult(GateStatus.PASSED, "value 85 is at least 85", evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", null, 85.0, null).build()));
        assertResult(GateStatus.FAILED, "value 70 is below 85", evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", null, 70.0, null).build()));
    }

    @Test
    void aFailStatusWithoutAValueFails() {
        assertResult(GateStatus.FAILED, "signal failed", evaluateOne(List.of(), SCORE, evidence().signal("resilienceScoreAbove", "fail", null, null).build()));
    }

    @Test
    void aGateDecidedByStatusCannotUseAValueAlone() {
        assertEquals("gate securityValidated is decided by a status (pass or fail); this signal carries only a value",
                SignalRule.whyUnusable(PLAIN, null, 90.0));
        assertNull(SignalRule.whyUnusable(SCORE, null, 90.0));
    }

    @Test
    void anExpectedStatusMustMatch() {
        assertEquals(GateStatus.PASSED, evaluateOne(List.of(), EXPECTED, evidence().signal("traceSpanPolicyCheck", "pass", null, null).build()).status());
        assertEquals(GateStatus.FAILED, evaluateOne(List.of(), EXPECTED, evidence().signal("traceSpanPolicyCheck", "fail", null, null).build()).status());
    }

    @Test
    void statusIsReadCaseInsensitively() {
        assertEquals(GateStatus.PASSED, evaluateOne(List.of(), PLAIN, evidence().signal("securityValidated", "PASS", null, null).build()).status());
        assertEquals(GateStatus.FAILED, evaluateOne(List.of(), PLAIN, evidence().signal("securityValidated", "Fail", null, null).build()).status());
    }

    @Test
    void anUnknownStatusIsPendingRatherThanAGuess() {
        var ev = evidence().signal("securityValidated", "running", null, null).build();
        assertResult(GateStatus.PENDING, "signal status 'running' is neither pass nor fail", evaluateOne(List.of(), PLAIN, ev));
    }
}
