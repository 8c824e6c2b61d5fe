package studio.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.gate.EvidenceFixture.MILESTONE;
import static studio.gate.EvidenceFixture.evidence;
import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.gate.MilestoneEvidence.SprintState;

class SprintClosureRuleTest {

    private static final GateCondition GATE = new GateCondition.AllSprintsClosed("allSprintsClosed");
    private static final List<String> REQUIRED = List.of("BookingFlow", "Auth.Login");

    @Test
    void passesWhenEveryFeatureIsDeliveredByAClosedSprint() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").sprint("s2", SprintState.CLOSED, "Auth.Login").build();
        assertResult(GateStatus.PASSED, "closed: s1, s2", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void anOpenSprintDeliveringAFeatureAlsoDeliveredByAClosedOneDoesNotHoldItBack() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow", "Auth.Login").sprint("s2", SprintState.ACTIVE, "Auth.Login").build();
        assertResult(GateStatus.PASSED, "closed: s1; open: s2 (Active)", evaluateOne(REQUIRED, GATE, ev));
    }

    @ParameterizedTest
    @EnumSource(value = SprintState.class, names = {"PLANNED", "ACTIVE", "VERIFYING"})
    void pendingWhileTheOnlySprintDeliveringAFeatureIsOpen(SprintState open) {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").sprint("s3", open, "Auth.Login").build();
        assertResult(GateStatus.PENDING, "closed: s1; open: s3 (" + open.label() + "); Auth.Login awaits s3", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void pendingWhenNoSprintDeliversAFeature() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").build();
        assertResult(GateStatus.PENDING, "closed: s1; no sprint delivers Auth.Login", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void pendingWithNoSprintsAtAll() {
        assertResult(GateStatus.PENDING, "no contributing sprint yet; no sprint delivers BookingFlow; no sprint delivers Auth.Login",
                evaluateOne(REQUIRED, GATE, evidence().build()));
    }

    @Test
    void failsWhenAContributingSprintIsBlockedEvenIfEveryFeatureIsDelivered() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow", "Auth.Login").sprint("s4", SprintState.BLOCKED, "Auth.Login").build();
        assertResult(GateStatus.FAILED, "closed: s1; open: s4 (Blocked)", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void aBlockedLinkedSprintFailsItToo() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow", "Auth.Login").linkedSprint("s5", SprintState.BLOCKED, MILESTONE).build();
        assertEquals(GateStatus.FAILED, evaluateOne(REQUIRED, GATE, ev).status());
    }

    @Test
    void sprintsOfOtherMilestonesDeliveringOtherFeaturesDoNotContribute() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow", "Auth.Login")
                .linkedSprint("x", SprintState.BLOCKED, "stability-pass1", "RetryQueue").build();
        assertResult(GateStatus.PASSED, "closed: s1", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void aDeferredFeatureIsOutOfScopeAndItsSprintDoesNotContribute() {
        var ev = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").sprint("s2", SprintState.BLOCKED, "Auth.Login")
                .defer("Auth.Login").build();
        GateReport report = GateEngine.evaluate(REQUIRED, List.of(GATE), ev);
        assertResult(GateStatus.PASSED, "closed: s1", report.gates().get(0));
        assertEquals(List.of("s1"), report.contributingSprints());
        assertEquals(List.of("BookingFlow"), report.featuresCovered());
    }

    @Test
    void evidenceListsTheClosingEventsOfClosedSprints() {
        EvidenceFixture fixture = evidence().sprint("s1", SprintState.CLOSED, "BookingFlow");
        EvidenceRef s1Closed = fixture.lastRef();
        fixture.sprint("s2", SprintState.ACTIVE, "Auth.Login").sprint("s3", SprintState.CLOSED, "Auth.Login");
        assertEquals(List.of(s1Closed, fixture.lastRef()), evaluateOne(REQUIRED, GATE, fixture.build()).evidence());
    }

    @Test
    void withoutRequiredFeaturesItPassesWhenEveryLinkedSprintIsClosed() {
        var ev = evidence().linkedSprint("s1", SprintState.CLOSED, MILESTONE).linkedSprint("s2", SprintState.CLOSED, MILESTONE).build();
        assertResult(GateStatus.PASSED, "closed: s1, s2", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void withoutRequiredFeaturesItIsPendingWhileALinkedSprintIsOpen() {
        var ev = evidence().linkedSprint("s1", SprintState.CLOSED, MILESTONE).linkedSprint("s2", SprintState.ACTIVE, MILESTONE).build();
        assertResult(GateStatus.PENDING, "closed: s1; open: s2 (Active)", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void withoutRequiredFeaturesOrSprintsItIsPending() {
        assertResult(GateStatus.PENDING, "no contributing sprint yet", evaluateOne(List.of(), GATE, evidence().build()));
    }

    @Test
    void withoutRequiredFeaturesABlockedLinkedSprintFailsIt() {
        var ev = evidence().linkedSprint("s1", SprintState.BLOCKED, MILESTONE).build();
        assertResult(GateStatus.FAILED, "open: s1 (Blocked)", evaluateOne(List.of(), GATE, ev));
    }

    @Test
    void whenEveryRequiredFeatureIsDeferredOnlyLinkedSprintsCount() {
        var ev = evidence().sprint("s1", SprintState.ACTIVE, "BookingFlow").linkedSprint("s2", SprintState.CLOSED, MILESTONE)
                .defer("BookingFlow", "Auth.Login").build();
        assertResult(GateStatus.PASSED, "closed: s2", evaluateOne(REQUIRED, GATE, ev));
    }

    @Test
    void sprintsSettleWhenTheClosureRuleIsDecidedEitherWay() {
        List<String> req = List.of("BookingFlow");
        assertFalse(MilestoneScope.of(req, evidence().sprint("s1", SprintState.ACTIVE, "BookingFlow").build()).sprintsSettled());
        assertTrue(MilestoneScope.of(req, evidence().sprint("s1", SprintState.CLOSED, "BookingFlow").build()).sprintsSettled());
        assertTrue(MilestoneScope.of(req, evidence().sprint("s1", SprintState.BLOCKED, "BookingFlow").build()).sprintsSettled());
        assertFalse(MilestoneScope.of(req, evidence().build()).sprintsSettled());
    }
}
