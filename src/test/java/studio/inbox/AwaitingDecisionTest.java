package studio.inbox;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneState;
import studio.governance.OverrideTicket;
import studio.governance.SignOffs;
import studio.inbox.AwaitingDecision.GateCandidate;
import studio.inbox.AwaitingDecision.OverrideCandidate;

/** What waits for whom: the same rules the server applies when they decide. */
class AwaitingDecisionTest {

    static final Instant NOW = Instant.parse("2025-05-15T12:00:00Z");
    static final List<GateCondition> GATES = List.of(new GateCondition.Signal("securityValidated", null, null),
            new GateCondition.ManualApproval("manualApproval", "security-officer"));
    static final Actor QA = new Actor("qa-lead", Set.of("qa-lead"));
    static final Actor QA2 = new Actor("qa-lead-2", Set.of("qa-lead"));
    static final Actor SECURITY = new Actor("security-officer", Set.of("security-officer"));
    static final Actor PO = new Actor("product-owner", Set.of("product-owner"));
    static final Actor AUDITOR = new Actor("auditor", Set.of("auditor"));

    static JsonNode report(String manualStatus) throws Exception {
        return new ObjectMapper().readTree("""
                {"gates":[{"condition":"securityValidated","status":"failed","detail":"2 critical findings"},
                          {"condition":"manualApproval","status":"%s","role":"security-officer","detail":"awaiting security-officer"}]}"""
                .formatted(manualStatus));
    }

    static GovernedMilestone milestone(String id, MilestoneState state) {
        return new GovernedMilestone(id, GATES, true, List.of("qa-lead"), "product-owner", state);
    }

    static OverrideCandidate request(long id, String by, Instant at, Instant expires) throws Exception {
        return new OverrideCandidate(new OverrideTicket(id, OverrideStatus.REQUESTED, by, null, null, expires),
                milestone("m" + id, MilestoneState.ESCALATED), "Milestone " + id, List.of("securityValidated"), "edge case", at, report("pending"), SignOffs.NONE);
    }

    @Test
    void anOverrideWaitsForTheOtherApproversNeverForItsRequester() throws Exception {
        List<OverrideCandidate> requests = List.of(request(1, "qa-lead", NOW.minusSeconds(60), null));
        assertAll(() -> assertEquals(1, AwaitingDecision.of(QA2, requests, List.of(), List.of(), List.of(), List.of(), NOW).size()),
                () -> assertEquals(0, AwaitingDecision.of(QA, requests, List.of(), List.of(), List.of(), List.of(), NOW).size(), "the requester"),
                () -> assertEquals(0, AwaitingDecision.of(PO, requests, List.of(), List.of(), List.of(), List.of(), NOW).size(), "not an approval role"),
                () -> assertEquals(0, AwaitingDecision.of(AUDITOR, requests, List.of(), List.of(), List.of(), List.of(), NOW).size()));
        InboxItem item = AwaitingDecision.of(QA2, requests, List.of(), List.of(), List.of(), List.of(), NOW).get(0);
        assertAll(() -> assertEquals("edge case", item.justification()), () -> assertEquals("qa-lead", item.requestedBy()),
                () -> assertEquals(List.of(new InboxItem.GateDetail("securityValidated", "failed", "2 critical findings")), item.details()),
                () -> assertEquals("/approvals/overrides/1", item.decidePath()));
    }

    @Test
    void anExpiredRequestNoLongerWaits() throws Exception {
        assertEquals(0, AwaitingDecision.of(QA2, List.of(request(1, "qa-lead", NOW.minusSeconds(60), NOW)), List.of(), List.of(), List.of(), List.of(), NOW).size());
    }

    @Test
    void aPendingManualGateWaitsForItsRoleUntilDecidedOrTheMilestoneEnds() throws Exception {
        GateCandidate pending = new GateCandidate(milestone("sec", MilestoneState.VERIFYING), "Security", NOW, report("pending"), SignOffs.NONE);
        GateCandidate passed = new GateCandidate(milestone("sec", MilestoneState.VERIFYING), "Security", NOW, report("passed"), SignOffs.NONE);
        GateCandidate closed = new GateCandidate(milestone("sec", MilestoneState.CLOSED), "Security", NOW, report("pending"), SignOffs.NONE);
        assertAll(() -> assertEquals(List.of("manualApproval"), AwaitingDecision.of(SECURITY, List.of(), List.of(pending), List.of(), List.of(), List.of(), NOW).get(0).gates()),
                () -> assertEquals(0, AwaitingDecision.of(QA, List.of(), List.of(pending), List.of(), List.of(), List.of(), NOW).size()),
                () -> assertEquals(0, AwaitingDecision.of(SECURITY, List.of(), List.of(passed), List.of(), List.of(), List.of(), NOW).size()),
                () -> assertEquals(0, AwaitingDecision.of(SECURITY, List.of(), List.of(closed), List.of(), List.of(), List.of(), NOW).size()));
    }

    @Test
    void theOldestWaitsFirst() throws Exception {
        Actor both = new Actor("lead", Set.of("qa-lead", "security-officer"));
        List<InboxItem> items = AwaitingDecision.of(both,
                List.of(request(2, "qa-lead", NOW.minusSeconds(10), null), request(1, "qa-lead", NOW.minusSeconds(300), null)),
                List.of(new GateCandidate(milestone("sec", MilestoneState.VERIFYING), "Security", NOW.minusSeconds(100), report("pending"), SignOffs.NONE)),
                List.of(), List.of(), List.of(), NOW);
        assertEquals(List.of("override-1", "gate-sec-manualApproval", "override-2"), items.stream().map(InboxItem::key).toList());
    }

    @Test
    void aDefinitionChangeWaitsForAnotherProductOwnerOrTheGovernorNeverItsAuthor() {
        var change = new AwaitingDecision.DefinitionChangeCandidate(7, milestone("mvp", MilestoneState.BLOCKED), "MVP", "product-owner",
                NOW.minusSeconds(30), List.of("lowers qaCoverageAbove from 90 to 80"));
        Actor po2 = new Actor("product-owner-2", Set.of("product-owner"));
        List<InboxItem> items = AwaitingDecision.of(po2, List.of(), List.of(), List.of(), List.of(change), List.of(), NOW);
        assertAll(() -> assertEquals(List.of("definition-7"), items.stream().map(InboxItem::key).toList()),
                () -> assertEquals("/milestones/mvp#definition", items.get(0).decidePath()),
                () -> assertEquals(List.of("lowers qaCoverageAbove from 90 to 80"), items.get(0).loosens()),
                () -> assertEquals(0, AwaitingDecision.of(PO, List.of(), List.of(), List.of(), List.of(change), List.of(), NOW).size(), "the author"),
                () -> assertEquals(0, AwaitingDecision.of(QA2, List.of(), List.of(), List.of(), List.of(change), List.of(), NOW).size(), "not a decider"),
                () -> assertEquals(0, AwaitingDecision.of(AUDITOR, List.of(), List.of(), List.of(), List.of(change), List.of(), NOW).size()));
    }

    @Test
    void aBlockedOrEscalatedMilestoneNobodyWasAskedAboutWaitsOnItsGovernors() throws Exception {
        var blocked = new AwaitingDecision.StuckCandidate(milestone("mvp", MilestoneState.BLOCKED), "MVP", NOW.minusSeconds(600), report("pending"),
                false);
        var escalated = new AwaitingDecision.StuckCandidate(milestone("sec", MilestoneState.ESCALATED), "Security", NOW.minusSeconds(60),
                report("pending"), false);
        var verifying = new AwaitingDecision.StuckCandidate(milestone("ok", MilestoneState.VERIFYING), "OK", NOW, report("pending"), false);
        var asked = new AwaitingDecision.StuckCandidate(milestone("gate-c", MilestoneState.BLOCKED), "Asked", NOW, report("pending"), true);
        Actor admin = new Actor("platform-admin", Set.of("platform-admin"));
        List<InboxItem> items = AwaitingDecision.of(PO, List.of(), List.of(), List.of(), List.of(), List.of(blocked, escalated, verifying, asked), NOW);
        assertAll(() -> assertEquals(List.of("stuck-mvp", "stuck-sec"), items.stream().map(InboxItem::key).toList()),
                () -> assertEquals(List.of("securityValidated"), items.get(0).gates(), "the failing gates, not the pending one"),
                () -> assertEquals("/milestones/mvp", items.get(0).decidePath()),
                () -> assertEquals(2, AwaitingDecision.of(admin, List.of(), List.of(), List.of(), List.of(), List.of(blocked, escalated), NOW).size()),
                () -> assertEquals(0, AwaitingDecision.of(QA, List.of(), List.of(), List.of(), List.of(), List.of(blocked, escalated), NOW).size(),
                        "not a governor"),
                () -> assertEquals(0, AwaitingDecision.of(AUDITOR, List.of(), List.of(), List.of(), List.of(), List.of(blocked), NOW).size()));
    }
}
