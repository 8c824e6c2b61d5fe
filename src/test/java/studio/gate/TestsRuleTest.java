package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.SprintState;

class TestsRuleTest {

    private static final GateCondition GATE = new GateCondition.AllTestsPass("allTestsPass");
    private static final List<String> REQUIRED = List.of("BookingFlow", "Auth.Login");

    private static EvidenceFixture sprints() {
        return evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").sprint("s2", SprintState.CLOSED, "Auth.Login");
    }

    @Test
    void passesWhenEveryContributingSprintReportsZeroFailures() {
        var result = evaluateOne(REQUIRED, GATE, sprints().tests("s1", 42, 0).tests("s2", 17, 0).build());
        assertResult(GateStatus.PASSED, "no failed tests: s1 (42 passed), s2 (17 passed)", result);
        assertEquals(0.0, result.actual());
    }

    @Test
    void failsNamingSprintsAndCounts() {
        var result = evaluateOne(REQUIRED, GATE, sprints().tests("s1", 40, 2).tests("s2", 16, 1).build());
        assertResult(GateStatus.FAILED, "s1: 2 of 42 failed; s2: 1 of 17 failed", result);
        assertEquals(3.0, result.actual());
    }

    @Test
    void aFailureFailsTheGateEvenWhileAnotherSprintHasNoQaData() {
        var result = evaluateOne(REQUIRED, GATE, sprints().tests("s1", 40, 2).build());
        assertResult(GateStatus.FAILED, "s1: 2 of 42 failed; no QA data from s2", result);
    }

    @Test
    void pendingWhileAContributingSprintHasNoQaData() {
        assertResult(GateStatus.PENDING, "no QA data from s2; no failed tests in s1 (42 passed)",
                evaluateOne(REQUIRED, GATE, sprints().tests("s1", 42, 0).build()));
        var none = evaluateOne(REQUIRED, GATE, sprints().build());
        assertResult(GateStatus.PENDING, "no QA data from s1, s2", none);
        assertNull(none.actual());
    }

    @Test
    void pendingWithoutContributingSprints() {
        assertResult(GateStatus.PENDING, "no contributing sprint yet", evaluateOne(REQUIRED, GATE, evidence().tests("x", 1, 0).build()));
    }

    @Test
    void qaDataOfNonContributingSprintsIsIgnored() {
        var result = evaluateOne(REQUIRED, GATE, sprints().tests("s1", 1, 0).tests("s2", 1, 0).tests("other", 0, 9).build());
        assertEquals(GateStatus.PASSED, result.status());
    }

    @Test
    void aSprintDeliveringOnlyADeferredFeatureNoLongerCounts() {
        var result = evaluateOne(REQUIRED, GATE, sprints().tests("s1", 5, 0).tests("s2", 5, 3).defer("Auth.Login").build());
        assertResult(GateStatus.PASSED, "no failed tests: s1 (5 passed)", result);
    }

    @Test
    void evidenceListsTheQaReportsUsed() {
        EvidenceFixture fixture = sprints().tests("s1", 1, 0);
        EvidenceRef s1 = fixture.lastRef();
        fixture.tests("s2", 1, 0);
        assertEquals(List.of(s1, fixture.lastRef()), evaluateOne(REQUIRED, GATE, fixture.build()).evidence());
    }
}
