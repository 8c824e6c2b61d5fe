package studio.gate;

import static studio.gate.GateAssertions.assertResult;
import static studio.gate.GateAssertions.evaluateOne;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import studio.gate.MilestoneEvidence.ScopeFact;
import studio.gate.MilestoneEvidence.ScopeStatus;

/** sprintScopesApproved: every governed sprint's current scope approved, none started before approval. */
class ScopeApprovalRuleTest {

    private static final GateCondition GATE = new GateCondition.SprintScopesApproved("sprintScopesApproved");
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static MilestoneEvidence with(ScopeFact... facts) {
        Map<String, ScopeFact> scopes = new LinkedHashMap<>();
        for (ScopeFact f : facts) scopes.put(f.sprintId(), f);
        return new MilestoneEvidence("m", null, null, null, null, null, null, null, null, NOW, scopes);
    }

    private static ScopeFact scope(String id, boolean needed, ScopeStatus status) {
        return new ScopeFact(id, needed, status, null, null, new EvidenceRef("scope", 1));
    }

    @Test
    void passesWhenEveryGovernedScopeIsApproved() {
        var ev = with(scope("s1", true, ScopeStatus.APPROVED), scope("s2", false, ScopeStatus.PENDING));
        assertResult(GateStatus.PASSED, "approved: s1", evaluateOne(List.of(), GATE, ev));
        assertResult(GateStatus.PASSED, "no linked sprint needs its scope approved",
                evaluateOne(List.of(), GATE, with(scope("s2", false, ScopeStatus.PENDING))));
    }

    @Test
    void pendingWhileAScopeWaitsOrNoSprintIsLinked() {
        var ev = with(scope("s1", true, ScopeStatus.STALE), scope("s2", true, ScopeStatus.NONE));
        assertResult(GateStatus.PENDING, "awaiting approval: s1 (stale), s2 (no scope imported)", evaluateOne(List.of(), GATE, ev));
        assertResult(GateStatus.PENDING, "no sprint linked yet", evaluateOne(List.of(), GATE, with()));
    }

    @Test
    void failsForARejectedScopeAndForAStartBeforeApprovalEvenOnceApproved() {
        var rejected = with(scope("s1", true, ScopeStatus.REJECTED), scope("s2", true, ScopeStatus.APPROVED));
        assertResult(GateStatus.FAILED, "scope rejected: s1; approved: s2", evaluateOne(List.of(), GATE, rejected));
        var early = with(new ScopeFact("s3", true, ScopeStatus.APPROVED, ScopeStatus.PENDING, NOW, null));
        assertResult(GateStatus.FAILED, "started unapproved: s3 started while its scope was pending; approved: s3",
                evaluateOne(List.of(), GATE, early));
    }
}
