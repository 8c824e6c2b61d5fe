package studio.notify;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import studio.gate.GateCondition;
import studio.gate.MilestoneEvidence.OverrideStatus;
import studio.governance.Actor;
import studio.governance.GovernedMilestone;
import studio.governance.MilestoneState;
import studio.governance.OverrideTicket;
import studio.governance.SignOffs;
import studio.inbox.AwaitingDecision;
import studio.inbox.AwaitingDecision.OverrideCandidate;
import studio.inbox.AwaitingDecision.StuckCandidate;
import studio.inbox.InboxItem;
import studio.release.approval.ReleaseInbox;

/** Who is told what: the inbox's own policies pick the deciders; these rules word it, remind, escalate and tell outcomes. */
class NoticeRulesTest {

    static final Instant NOW = Instant.parse("2026-05-15T12:00:00Z");
    static final Duration REMIND = Duration.ofHours(4);
    static final Duration OVERDUE = Duration.ofHours(24);
    static final Actor QA = new Actor("qa-lead", Set.of("qa-lead"));
    static final Actor QA2 = new Actor("qa-lead-2", Set.of("qa-lead"));
    static final Actor QA3 = new Actor("qa-lead-3", Set.of("qa-lead"));
    static final Actor PO = new Actor("product-owner", Set.of("product-owner"));

    static GovernedMilestone milestone(MilestoneState state) {
        return new GovernedMilestone("mvp-ready", List.of(new GateCondition.TraceMatrixComplete("traceMatrixComplete")), true, List.of("qa-lead"), "product-owner", state);
    }

    static AwaitingDecision.Candidates override(Instant requestedAt) throws Exception {
        var report = new ObjectMapper().readTree("""
                {"gates":[{"condition":"traceMatrixComplete","status":"failed","detail":"3 of 40 features untraced"}]}""");
        var c = new OverrideCandidate(new OverrideTicket(7, OverrideStatus.REQUESTED, "qa-lead", null, null, null), milestone(MilestoneState.ESCALATED),
                "MVP ready", List.of("traceMatrixComplete"), "Trace tool outage; manual trace attached", requestedAt, report, SignOffs.NONE);
        return new AwaitingDecision.Candidates(List.of(c), List.of(), List.of(), List.of(), List.of());
    }

    static Map<String, List<InboxItem>> each(AwaitingDecision.Candidates c, Actor... people) {
        Map<String, List<InboxItem>> out = new java.util.LinkedHashMap<>();
        for (Actor a : people) out.put(a.name(), AwaitingDecision.of(a, c, NOW));
        return out;
    }

    static List<Notice> pending(Map<String, List<InboxItem>> items, Map<String, java.util.Collection<String>> governors) {
        return NoticeRules.pending(items, Map.of(), governors, NOW, REMIND, OVERDUE);
    }

    @Test
    void anOverrideRequestIsToldToEveryoneWhoMayApproveItNeverToItsRequester() throws Exception {
        List<Notice> notices = pending(each(override(NOW.minusSeconds(60)), QA, QA2, QA3, PO), Map.of());
        assertEquals(List.of("qa-lead-2", "qa-lead-3"), notices.stream().map(Notice::recipient).toList());
        Notice n = notices.get(0);
        assertAll(() -> assertEquals("Override requested on mvp-ready: traceMatrixComplete", n.subject()),
                () -> assertEquals(Notice.DECISION_NEEDED, n.event()),
                () -> assertEquals("override-7", n.topic()),
                () -> assertEquals("/approvals#override-7", n.link()),
                () -> assertTrue(n.body().contains("qa-lead asks to override traceMatrixComplete on MVP ready (escalated)"), n.body()),
                () -> assertTrue(n.body().contains("Why: Trace tool outage; manual trace attached"), n.body()),
                () -> assertTrue(n.body().contains("- traceMatrixComplete: failed (3 of 40 features untraced)"), n.body()),
                () -> assertFalse(n.mandatory(), "two people may decide it: neither is the only one"));
    }

    @Test
    void aDecisionOnlyOnePersonCanTakeIsMandatoryForThem() throws Exception {
        List<Notice> notices = pending(each(override(NOW.minusSeconds(60)), QA, QA2), Map.of());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).mandatory());
    }

    @Test
    void aLongWaitRemindsTheDecidersThenTellsTheGovernors() throws Exception {
        var governors = Map.<String, java.util.Collection<String>>of("mvp-ready", List.of("product-owner"));
        assertEquals(List.of(Notice.DECISION_NEEDED), pending(each(override(NOW.minus(Duration.ofHours(3))), QA, QA2), governors).stream()
                .map(Notice::event).toList(), "not yet: three hours");
        List<Notice> reminded = pending(each(override(NOW.minus(Duration.ofHours(5))), QA, QA2), governors);
        assertEquals(List.of("DecisionNeeded qa-lead-2", "Reminder qa-lead-2"), reminded.stream().map(n -> n.event() + " " + n.recipient()).toList());
        assertTrue(reminded.get(1).subject().startsWith("Reminder: Override requested on mvp-ready"));
        assertTrue(reminded.get(1).body().startsWith("Still waiting for your decision after 5 hours."), reminded.get(1).body());
        List<Notice> overdue = pending(each(override(NOW.minus(Duration.ofHours(30))), QA, QA2), governors);
        assertEquals(List.of("DecisionNeeded qa-lead-2", "Reminder qa-lead-2", "Overdue product-owner"),
                overdue.stream().map(n -> n.event() + " " + n.recipient()).toList());
        assertEquals("/milestones/mvp-ready", overdue.get(2).link());
        assertEquals("override-7", overdue.get(2).topic(), "the same thread as the request");
    }

    @Test
    void aMilestoneThatSetsItsOwnReminderTimesIsRemindedAndOverdueSooner() throws Exception {
        var governors = Map.<String, java.util.Collection<String>>of("mvp-ready", List.of("product-owner"));
        var own = new NoticeRules.Timing(REMIND, OVERDUE).with(new studio.definition.Reminders(Duration.ofMinutes(30), Duration.ofHours(2)));
        List<Notice> notices = NoticeRules.pending(each(override(NOW.minus(Duration.ofHours(3))), QA, QA2), Map.of(), governors, NOW,
                new NoticeRules.Timing(REMIND, OVERDUE), Map.of("mvp-ready", own));
        assertEquals(List.of("DecisionNeeded qa-lead-2", "Reminder qa-lead-2", "Overdue product-owner"),
                notices.stream().map(n -> n.event() + " " + n.recipient()).toList(), "its own 30 minutes and 2 hours, not 4 h and 24 h");
        assertEquals(new NoticeRules.Timing(Duration.ofMinutes(30), OVERDUE),
                new NoticeRules.Timing(REMIND, OVERDUE).with(new studio.definition.Reminders(Duration.ofMinutes(30), null)), "what it leaves out stays");
    }

    @Test
    void aStuckMilestoneIsANewTopicEachTimeItGetsStuck() throws Exception {
        Instant first = NOW.minus(Duration.ofHours(1));
        var stuck = new AwaitingDecision.Candidates(List.of(), List.of(), List.of(), List.of(),
                List.of(new StuckCandidate(milestone(MilestoneState.BLOCKED), "MVP ready", first, null, false)));
        List<Notice> notices = pending(each(stuck, PO, QA), Map.of());
        assertEquals(List.of("product-owner"), notices.stream().map(Notice::recipient).toList(), "its governor, not a QA lead");
        assertEquals("Blocked on mvp-ready: nobody has been asked to decide", notices.get(0).subject());
        assertEquals("stuck-mvp-ready@" + first.getEpochSecond(), notices.get(0).topic());
        assertTrue(notices.get(0).mandatory());
        var asked = new AwaitingDecision.Candidates(List.of(), List.of(), List.of(), List.of(),
                List.of(new StuckCandidate(milestone(MilestoneState.BLOCKED), "MVP ready", first, null, true)));
        assertEquals(List.of(), pending(each(asked, PO), Map.of()), "someone was asked: those asked are told instead");
    }

    @Test
    void aReleaseWaitingForApprovalIsToldWithItsEnvironment() {
        var item = new ReleaseInbox.Item("v1.4.0", "mvp-ready", "production", "product-owner", NOW.minusSeconds(30), "1 of 2 approvals", "/releases/v1.4.0",
                null);
        List<Notice> notices = NoticeRules.pending(Map.of(), Map.of("compliance-officer", List.of(item)), Map.of(), NOW, REMIND, OVERDUE);
        assertEquals(1, notices.size());
        assertAll(() -> assertEquals("Release v1.4.0 waits for approval for production", notices.get(0).subject()),
                () -> assertEquals("v1.4.0", notices.get(0).releaseTag()),
                () -> assertEquals("/releases/v1.4.0", notices.get(0).link()));
    }

    @Test
    void aReleaseApprovalAboutToTimeOutWarnsItsDecidersBeforeItIsAborted() {
        Instant since = NOW.minus(Duration.ofMinutes(6));
        var early = new ReleaseInbox.Item("v1.4.0", "mvp-ready", "production", "product-owner", since, "0 of 2 approvals", "/releases/v1.4.0",
                since.plus(Duration.ofMinutes(10)));
        List<String> events = NoticeRules.pending(Map.of(), Map.of("compliance-officer", List.of(early)), Map.of(), NOW, REMIND, OVERDUE).stream()
                .map(Notice::event).toList();
        assertEquals(List.of(Notice.DECISION_NEEDED), events, "six of ten minutes: not yet (warned in the last quarter)");
        var late = new ReleaseInbox.Item("v1.4.0", "mvp-ready", "production", "product-owner", NOW.minus(Duration.ofMinutes(8)), "0 of 2 approvals",
                "/releases/v1.4.0", NOW.plus(Duration.ofMinutes(2)));
        List<Notice> warned = NoticeRules.pending(Map.of(), Map.of("compliance-officer", List.of(late)), Map.of(), NOW, REMIND, OVERDUE);
        assertEquals(List.of(Notice.DECISION_NEEDED, Notice.TIMEOUT_WARNING), warned.stream().map(Notice::event).toList());
        assertEquals("Release v1.4.0 will be aborted in 2 minutes unless approved", warned.get(1).subject());
        var dayLong = new ReleaseInbox.Item("v1.4.0", "mvp-ready", "production", "product-owner", NOW.minus(Duration.ofHours(20)), "",
                "/releases/v1.4.0", NOW.plus(Duration.ofHours(4)));
        assertEquals(1, NoticeRules.pending(Map.of(), Map.of("c", List.of(dayLong)), Map.of(), NOW, Duration.ZERO, OVERDUE).size(),
                "a day-long timeout warns only in its last hour");
        var aborted = new ReleaseInbox.Item("v1.4.0", "mvp-ready", "production", "product-owner", NOW.minus(Duration.ofHours(2)), "",
                "/releases/v1.4.0", NOW.minusSeconds(1));
        assertTrue(NoticeRules.pending(Map.of(), Map.of("c", List.of(aborted)), Map.of(), NOW, Duration.ZERO, OVERDUE).stream()
                .noneMatch(n -> n.event().equals(Notice.TIMEOUT_WARNING)), "past its timeout: the timer aborts it, no warning");
    }

    @Test
    void theRequesterIsToldTheOutcomeUnlessTheyDecidedItThemselves() throws Exception {
        var payload = new ObjectMapper().readTree("""
                {"override_id":7,"milestone_id":"mvp-ready","overridden_gates":["traceMatrixComplete"],"reason":"Manual trace checked","requested_by":"qa-lead"}""");
        var approved = new NoticeRules.Outcome(12, "MilestoneOverrideApproved", "qa-lead-2", List.of("qa-lead"), "milestone", "mvp-ready", payload, "qa-lead");
        Notice n = NoticeRules.outcome(approved).orElseThrow();
        assertAll(() -> assertEquals("qa-lead", n.recipient()),
                () -> assertEquals("Override approved on mvp-ready: traceMatrixComplete", n.subject()),
                () -> assertEquals("override-7", n.topic(), "the same thread as the request"),
                () -> assertTrue(n.body().contains("by qa-lead-2 (qa-lead)"), n.body()),
                () -> assertTrue(n.body().contains("Reason: Manual trace checked"), n.body()),
                () -> assertEquals(Notice.Kind.OUTCOMES, n.kind()));
        var own = new NoticeRules.Outcome(13, "MilestoneOverrideRejected", "qa-lead", List.of("qa-lead"), "milestone", "mvp-ready", payload, "qa-lead");
        assertTrue(NoticeRules.outcome(own).isEmpty());
        var release = new NoticeRules.Outcome(14, "ReleaseFailed", "ci", List.of("ci"), "release", "v1.4.0",
                new ObjectMapper().readTree("{\"reason\":\"smoke tests failed\"}"), "product-owner");
        assertEquals("Release v1.4.0 failed", NoticeRules.outcome(release).orElseThrow().subject());
    }

    @Test
    void aDecisionOnlyYouCanTakeNeverStaysInStudioOnly() {
        assertAll(() -> assertEquals("digest", Delivery.emailStatus(Delivery.STUDIO, true, true)),
                () -> assertEquals("none", Delivery.emailStatus(Delivery.STUDIO, false, true)),
                () -> assertEquals("pending", Delivery.emailStatus(Delivery.EMAIL, false, true)),
                () -> assertEquals("digest", Delivery.emailStatus(Delivery.DIGEST, true, true)),
                () -> assertEquals("none", Delivery.emailStatus(Delivery.EMAIL, true, false), "no address: Studio only"));
    }

    @Test
    void anUnsubscribeLinkNamesItsPersonAndCannotBeForged() {
        UnsubscribeLinks links = new UnsubscribeLinks();
        links.key = "k1";
        String token = links.token("qa-lead-2");
        assertEquals("qa-lead-2", links.person(token).orElseThrow());
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("qa-lead".getBytes()) + token.substring(token.indexOf('.'));
        assertTrue(links.person(forged).isEmpty(), "another person's name with this signature");
        assertTrue(links.person("garbage").isEmpty());
        links.key = "k2";
        assertTrue(links.person(token).isEmpty(), "a rotated key");
    }
}
