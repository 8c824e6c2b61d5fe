package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static studio.gate.EvidenceFixture.MILESTONE;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.SprintState;

class TraceRuleTest {

    private static final GateCondition GATE = new GateCondition.TraceMatrixComplete("traceMatrixComplete");
    private static final List<String> REQUIRED = List.of("BookingFlow", "Auth.Login");

    private static EvidenceFixture sprints() {
        return evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").sprint("s2", SprintState.ACTIVE, "Auth.Login");
    }

    @Test
    void passesWhenEveryFeatureHasAnEntryWithATestAndAnArtifact() {
        var ev = sprints().trace("BookingFlow", "s1", 1, 1).trace("Auth.Login", "s2", 4, 2).build();
        assertResult(GateStatus.PASSED, "BookingFlow, Auth.Login traced with tests and artifacts", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void pendingUntilAnyContributingSprintSendsATraceMatrix() {
        assertResult(GateStatus.PENDING, "no trace matrix received yet", evaluateOne(REQUIRED, GATE, sprints().build()));
    }

    @Test
    void aMatrixFromANonContributingSprintDoesNotCount() {
        var ev = sprints().trace("BookingFlow", "elsewhere", 1, 1).build();
        assertResult(GateStatus.PENDING, "no trace matrix received yet", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void failsNamingAFeatureMissingFromEveryMatrix() {
        var ev = sprints().trace("BookingFlow", "s1", 1, 1).build();
        assertResult(GateStatus.FAILED, "Auth.Login: not in any trace matrix", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void failsNamingWhatEachFeatureLacks() {
        var ev = sprints().trace("BookingFlow", "s1", 0, 3).trace("Auth.Login", "s2", 2, 0).build();
        assertResult(GateStatus.FAILED, "BookingFlow: no tests; Auth.Login: no artifacts", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void anEntryWithNeitherTestsNorArtifacts() {
        var ev = sprints().trace("BookingFlow", "s1", 1, 1).trace("Auth.Login", "s2", 0, 0).build();
        assertResult(GateStatus.FAILED, "Auth.Login: no tests and no artifacts", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void testsAndArtifactsMustBeInTheSameEntry() {
        var ev = sprints().sprint("s3", SprintState.CLOSED, "Auth.Login")
                .trace("BookingFlow", "s1", 1, 1).trace("Auth.Login", "s2", 3, 0).trace("Auth.Login", "s3", 0, 5).build();
        assertResult(GateStatus.FAILED, "Auth.Login: tests and artifacts are in different sprints' matrices, never together",
                evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void oneCompleteEntryAmongIncompleteOnesIsEnough() {
        var ev = sprints().sprint("s3", SprintState.CLOSED, "Auth.Login")
                .trace("BookingFlow", "s1", 1, 1).trace("Auth.Login", "s2", 0, 0).trace("Auth.Login", "s3", 1, 1).build();
        assertEquals(GateStatus.PASSED, evaluateOne(REQUIRED, GATE, ev).status());
    }

    @Test
    void anEntryFromANonContributingSprintDoesNotCompleteAFeature() {
        var ev = sprints().trace("BookingFlow", "s1", 1, 1).trace("Auth.Login", "other-milestone-sprint", 5, 5).build();
        assertResult(GateStatus.FAILED, "Auth.Login: not in any trace matrix", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void aLinkedSprintsMatrixCountsEvenForFeaturesItIsNotDefinedToDeliver() {
        var ev = evidence().linkedSprint("s9", SprintState.CLOSED, MILESTONE).trace("BookingFlow", "s9", 1, 1).trace("Auth.Login", "s9", 1, 1).build();
        assertEquals(GateStatus.PASSED, evaluateOne(REQUIRED, GATE, ev).status());
    }

    @Test
    void deferredFeaturesNeedNoTrace() {
        var ev = sprints().trace("BookingFlow", "s1", 1, 1).defer("Auth.Login").build();
        assertResult(GateStatus.PASSED, "BookingFlow traced with tests and artifacts", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void pendingWithoutInScopeFeatures() {
        var ev = evidence().linkedSprint("s9", SprintState.CLOSED, MILESTONE).trace("X", "s9", 1, 1).build();
        assertResult(GateStatus.PENDING, "no required features in scope", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void evidenceListsTheEntriesConsidered() {
        EvidenceFixture fixture = sprints().trace("BookingFlow", "s1", 1, 1);
        EvidenceRef booking = fixture.lastRef();
        fixture.trace("Auth.Login", "s2", 0, 1);
        EvidenceRef login = fixture.lastRef();
        fixture.trace("Auth.Login", "unrelated", 1, 1);
        assertEquals(List.of(booking, login), evaluateOne(REQUIRED, GATE, fixture.build()).evidence());
    }
}
