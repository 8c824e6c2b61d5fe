package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static studio.governance.ReleaseApproval.Decision.APPROVED;
import static studio.governance.ReleaseApproval.Decision.REJECTED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import studio.governance.ApprovalStatus.Discounted;
import studio.governance.ApprovalStatus.Missing;
import studio.governance.ApprovalStatus.Rejected;
import studio.governance.ApprovalStatus.Satisfied;
import studio.governance.ApprovalStatus.Waiting;
import studio.governance.ApprovalVerdict.Accepted;
import studio.governance.ApprovalVerdict.Refused;

public class ApprovalLedgerTest {

    public static final Instant NOW = Instant.parse("2025-05-14T17:00:00Z");
    public static final String HASH = "a".repeat(64);
    public static final String OLD_HASH = "b".repeat(64);
    public static final String REQUESTER = "alice";
    public static final ReleasePolicy PRODUCTION = ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION);
    public static final ReleasePolicy QA = ReleasePolicy.defaultFor(ReleaseEnvironment.QA);
    public static final ReleasePolicy STAGING = ReleasePolicy.defaultFor(ReleaseEnvironment.STAGING);

    public static final Actor ALICE = new Actor("alice", Set.of("product-owner"));
    public static final Actor BOB = new Actor("bob", Set.of("product-owner"));
    public static final Actor HANK = new Actor("hank", Set.of("product-owner"));
    public static final Actor CAROL = new Actor("carol", Set.of("compliance-officer"));
    public static final Actor DAVE = new Actor("dave", Set.of("product-owner", "compliance-officer"));
    public static final Actor ERIN = new Actor("erin", Set.of("qa-lead"));
    public static final Actor FRANK = new Actor("frank", Set.of("auditor"));

    /** An approval {@code minutesAgo} before NOW for the current content, expiring per the production TTL. */
    public static ReleaseApproval approval(Actor who, String role, int minutesAgo) {
        Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new ReleaseApproval(who.name(), role, APPROVED, "looks good", at, at.plus(Duration.ofHours(24)), HASH);
    }

    public static ReleaseApproval rejection(Actor who, String role, String reason) {
        return new ReleaseApproval(who.name(), role, REJECTED, reason, NOW.minusSeconds(60), null, HASH);
    }

    public static ApprovalStatus evaluate(ReleasePolicy policy, ReleaseApproval... approvals) {
        return ApprovalLedger.evaluate(policy, REQUESTER, List.of(approvals), HASH, NOW);
    }

    public static ApprovalVerdict check(ReleasePolicy policy, ApprovalRequest request, ReleaseApproval... approvals) {
        return ApprovalLedger.check(policy, REQUESTER, List.of(approvals), HASH, NOW, request);
    }

    public static ApprovalRequest approve(Actor who) {
        return new ApprovalRequest(who, APPROVED, null, "regression passed");
    }

    public static ApprovalRequest approve(Actor who, String role) {
        return new ApprovalRequest(who, APPROVED, role, "regression passed");
    }

    public static ApprovalRequest reject(Actor who, String reason) {
        return new ApprovalRequest(who, REJECTED, null, reason);
    }

    @Nested
    class Evaluate {
        @Test
        void productionWaitsForBothRoles() {
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION));
            assertEquals(List.of(new Missing(ApprovalRequirement.one("product-owner"), 1), new Missing(ApprovalRequirement.one("compliance-officer"), 1)),
                    w.missing());
            assertEquals("Waiting for approval by a product-owner and a compliance-officer.", w.sentence());
        }

        @Test
        void oneApprovalLeavesTheOtherRoleMissing() {
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, approval(BOB, "product-owner", 5)));
            assertEquals(List.of(new Missing(ApprovalRequirement.one("compliance-officer"), 1)), w.missing());
            assertEquals("Waiting for approval by a compliance-officer. Approved so far by bob (product-owner); "
                    + "the remaining approvals must come from other people.", w.sentence());
        }

        @Test
        void twoPeopleInTheTwoRolesSatisfyProduction() {
            ReleaseApproval bob = approval(BOB, "product-owner", 5);
            ReleaseApproval carol = approval(CAROL, "compliance-officer", 1);
            Satisfied s = assertInstanceOf(Satisfied.class, evaluate(PRODUCTION, bob, carol));
            assertEquals(List.of(bob, carol), s.counted());
            assertEquals("Approved by bob (product-owner) and carol (compliance-officer).", s.sentence());
        }

        @Test
        void onePersonCannotFillBothProductionRoles() {
            ReleaseApproval asOwner = approval(DAVE, "product-owner", 5);
            ReleaseApproval asCompliance = approval(DAVE, "compliance-officer", 1);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, asOwner, asCompliance));
            assertEquals(List.of(asOwner), w.counted());
            assertEquals(List.of(new Discounted(asCompliance, "comes from someone who already approved as product-owner; approvers must be different people")),
                    w.discounted());
        }

        @Test
        void withoutDistinctApproversOnePersonMayFillBoth() {
            ReleasePolicy lenient = new ReleasePolicy(ReleaseEnvironment.PRODUCTION, PRODUCTION.requirements(), false, null, null);
            assertInstanceOf(Satisfied.class, evaluate(lenient, approval(DAVE, "product-owner", 5), approval(DAVE, "compliance-officer", 1)));
        }

        @Test
        void theEarlierOfTwoCompetingApprovalsCounts() {
            ReleaseApproval late = approval(DAVE, "compliance-officer", 1);
            ReleaseApproval early = approval(DAVE, "product-owner", 9);
            ReleaseApproval carol = approval(CAROL, "compliance-officer", 3);
            Satisfied s = assertInstanceOf(Satisfied.class, evaluate(PRODUCTION, late, carol, early));
            assertEquals(List.of(early, carol), s.counted());
            assertEquals(List.of(new Discounted(late, "comes from someone who already approved as product-owner; approvers must be different people")),
                    s.discounted());
        }

        @Test
        void theRequestersOwnApprovalNeverCounts() {
            ReleaseApproval own = approval(ALICE, "product-owner", 2);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, own, approval(CAROL, "compliance-officer", 1)));
            assertEquals(List.of(new Discounted(own, "was given by the requester, who cannot approve")), w.discounted());
            assertEquals("Waiting for approval by a product-owner. Approved so far by carol (compliance-officer); the remaining approvals must come "
                    + "from other people. Not counted: alice's approval as product-owner was given by the requester, who cannot approve.", w.sentence());
        }

        @Test
        void anApprovalOfOtherContentIsStaleAndSaysSo() {
            ReleaseApproval stale = new ReleaseApproval("bob", "product-owner", APPROVED, "ok", NOW.minusSeconds(600), null, OLD_HASH);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, stale, approval(CAROL, "compliance-officer", 1)));
            assertEquals("is stale: it approved other content (sha256 bbbbbbbbbbbb…, now sha256 aaaaaaaaaaaa…) because the evidence changed since; "
                    + "it must be given again", w.discounted().get(0).why());
            assertEquals(List.of(new Missing(ApprovalRequirement.one("product-owner"), 1)), w.missing());
        }

        @Test
        void anApprovalWithoutContentHashIsStale() {
            ReleaseApproval unbound = new ReleaseApproval("bob", "product-owner", APPROVED, "ok", NOW.minusSeconds(600), null, null);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, unbound));
            assertEquals("is stale: it approved other content (no content hash, now sha256 aaaaaaaaaaaa…) because the evidence changed since; "
                    + "it must be given again", w.discounted().get(0).why());
        }

        @Test
        void anApprovalCountsUntilJustBeforeItExpires() {
            Instant at = NOW.minus(Duration.ofHours(24));
            ReleaseApproval expiresNow = new ReleaseApproval("erin", "qa-lead", APPROVED, "ok", at, NOW, HASH);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(QA, expiresNow));
            assertEquals("expired at 2025-05-14T17:00:00Z; it must be given again", w.discounted().get(0).why());
            ReleaseApproval stillValid = new ReleaseApproval("erin", "qa-lead", APPROVED, "ok", at, NOW.plusMillis(1), HASH);
            assertInstanceOf(Satisfied.class, evaluate(QA, stillValid));
            ReleaseApproval never = new ReleaseApproval("erin", "qa-lead", APPROVED, "ok", at.minus(Duration.ofDays(300)), null, HASH);
            assertInstanceOf(Satisfied.class, evaluate(QA, never));
        }

        @Test
        void approvalsInRolesThePolicyDoesNotNeedDoNotCount() {
            ReleaseApproval qa = approval(ERIN, "qa-lead", 1);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, qa));
            assertEquals(List.of(new Discounted(qa, "is in a role production releases do not need")), w.discounted());
        }

        @Test
        void approvalsBeyondWhatIsNeededAreNotCounted() {
            ReleaseApproval bob = approval(BOB, "product-owner", 5);
            ReleaseApproval hank = approval(HANK, "product-owner", 4);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, bob, hank));
            assertEquals(List.of(bob), w.counted());
            assertEquals(List.of(new Discounted(hank, "was not needed any more")), w.discounted());
        }

        @Test
        void aRepeatedApprovalCountsOnce() {
            ReleaseApproval first = approval(BOB, "product-owner", 5);
            ReleaseApproval again = approval(BOB, "product-owner", 1);
            Waiting w = assertInstanceOf(Waiting.class, evaluate(PRODUCTION, first, again));
            assertEquals(List.of(first), w.counted());
            assertEquals(List.of(new Discounted(again, "repeats an earlier one")), w.discounted());
        }

        @Test
        void countsAbovePersonsAndRequirements() {
            ReleasePolicy twoLeads = new ReleasePolicy(ReleaseEnvironment.QA, List.of(new ApprovalRequirement(List.of("qa-lead"), 2)), true, null, null);
            Waiting none = assertInstanceOf(Waiting.class, evaluate(twoLeads));
            assertEquals("Waiting for approval by 2 people holding qa-lead.", none.sentence());
            Waiting one = assertInstanceOf(Waiting.class, evaluate(twoLeads, approval(ERIN, "qa-lead", 3), approval(ERIN, "qa-lead", 2)));
            assertEquals(List.of(new Missing(twoLeads.requirements().get(0), 1)), one.missing());
            Actor otherLead = new Actor("ivan", Set.of("qa-lead"));
            assertInstanceOf(Satisfied.class, evaluate(twoLeads, approval(ERIN, "qa-lead", 3), approval(otherLead, "qa-lead", 2)));
        }

        @Test
        void anyOfTheNamedRolesSatisfiesAManualApproval() {
            ReleasePolicy manual = STAGING.withManualApproval(List.of("qa-lead", "product-owner"));
            assertInstanceOf(Satisfied.class, evaluate(manual, approval(ERIN, "qa-lead", 1)));
            assertInstanceOf(Satisfied.class, evaluate(manual, approval(BOB, "product-owner", 1)));
            assertEquals("Waiting for approval by a qa-lead or product-owner.", evaluate(manual).sentence());
        }

        @Test
        void aReleaseThatNeedsNoApprovalIsSatisfiedAtOnce() {
            Satisfied s = assertInstanceOf(Satisfied.class, evaluate(STAGING));
            assertEquals("staging releases need no approval", s.sentence());
        }

        @Test
        void aRejectionStopsTheReleaseWhateverWasApproved() {
            ReleaseApproval no = rejection(CAROL, "compliance-officer", "coverage too low");
            Rejected r = assertInstanceOf(Rejected.class, evaluate(PRODUCTION, approval(BOB, "product-owner", 9), approval(DAVE, "compliance-officer", 8), no));
            assertEquals(no, r.rejection());
            assertEquals("Rejected by carol (compliance-officer): coverage too low", r.sentence());
        }

        @Test
        void aRejectionOfEarlierContentStillStopsTheRelease() {
            ReleaseApproval no = new ReleaseApproval("carol", "compliance-officer", REJECTED, "no", NOW.minusSeconds(999), null, OLD_HASH);
            assertInstanceOf(Rejected.class, evaluate(PRODUCTION, no));
        }

        @Test
        void rejectionsByTheRequesterOrByRolesThePolicyDoesNotNeedAreIgnored() {
            assertInstanceOf(Waiting.class, evaluate(PRODUCTION, rejection(ALICE, "product-owner", "changed my mind")));
            assertInstanceOf(Waiting.class, evaluate(PRODUCTION, rejection(ERIN, "qa-lead", "not my call")));
        }

        @Test
        void theFirstRejectionIsTheOneReported() {
            ReleaseApproval first = new ReleaseApproval("carol", "compliance-officer", REJECTED, "first", NOW.minusSeconds(90), null, HASH);
            ReleaseApproval second = new ReleaseApproval("bob", "product-owner", REJECTED, "second", NOW.minusSeconds(30), null, HASH);
            assertEquals(first, assertInstanceOf(Rejected.class, evaluate(PRODUCTION, second, first)).rejection());
        }
    }

    @Nested
    class Check {
        @Test
        void theRequesterCanNeitherApproveNorReject() {
            assertEquals(new Refused(403, "you requested this release; another person must approve it"), check(PRODUCTION, approve(ALICE)));
            assertEquals(new Refused(403, "you requested this release; another person must reject it"), check(PRODUCTION, reject(ALICE, "no")));
        }

        @Test
        void aReleaseThatNeedsNoApprovalTakesNone() {
            assertEquals(new Refused(409, "staging releases need no approval"), check(STAGING, approve(BOB)));
            assertEquals(new Refused(409, "staging releases need no approval"), check(STAGING, reject(BOB, "no")));
        }

        @Test
        void onlyRolesThePolicyNeedsMayDecide() {
            assertEquals(new Refused(403, "to approve production releases you need one of the roles product-owner, compliance-officer"),
                    check(PRODUCTION, approve(ERIN)));
            assertEquals(new Refused(403, "to reject production releases you need one of the roles product-owner, compliance-officer"),
                    check(PRODUCTION, reject(FRANK, "no")));
            assertEquals(new Refused(403, "to approve qa releases you need the role qa-lead"), check(QA, approve(BOB)));
            assertEquals(new Refused(403, "production releases are decided by one of the roles product-owner, compliance-officer, not by qa-lead"),
                    check(PRODUCTION, approve(ERIN, "qa-lead")));
            assertEquals(new Refused(403, "you do not hold the role compliance-officer"), check(PRODUCTION, approve(BOB, "compliance-officer")));
        }

        @Test
        void thePersonDecidesInTheRoleTheyNameOrTheFirstOpenOneTheyHold() {
            assertEquals(new Accepted("compliance-officer"), check(PRODUCTION, approve(DAVE, "compliance-officer")));
            assertEquals(new Accepted("product-owner"), check(PRODUCTION, approve(DAVE)));
            assertEquals(new Accepted("compliance-officer"), check(PRODUCTION, approve(DAVE), approval(BOB, "product-owner", 1)));
            assertEquals(new Accepted("product-owner"), check(PRODUCTION, reject(DAVE, "no")));
        }

        @Test
        void nobodyApprovesTwice() {
            assertEquals(new Refused(409, "you already approved this release as product-owner"),
                    check(PRODUCTION, approve(BOB), approval(BOB, "product-owner", 1)));
        }

        @Test
        void oneApproverCannotFillTwoPlaces() {
            assertEquals(new Refused(409, "you already approved this release as product-owner; the compliance-officer approval must come from a different person"),
                    check(PRODUCTION, approve(DAVE, "compliance-officer"), approval(DAVE, "product-owner", 1)));
            assertEquals(new Refused(409, "you already approved this release as product-owner"),
                    check(PRODUCTION, approve(DAVE), approval(DAVE, "product-owner", 1)));
            ReleasePolicy lenient = new ReleasePolicy(ReleaseEnvironment.PRODUCTION, PRODUCTION.requirements(), false, null, null);
            assertEquals(new Accepted("compliance-officer"), check(lenient, approve(DAVE), approval(DAVE, "product-owner", 1)));
        }

        @Test
        void aFilledPlaceTakesNoMoreApprovals() {
            assertEquals(new Refused(409, "no further product-owner approval is needed: already given by bob"),
                    check(PRODUCTION, approve(HANK), approval(BOB, "product-owner", 1)));
        }

        @Test
        void staleOrExpiredApprovalsMayBeGivenAgain() {
            ReleaseApproval stale = new ReleaseApproval("bob", "product-owner", APPROVED, "ok", NOW.minusSeconds(600), null, OLD_HASH);
            assertEquals(new Accepted("product-owner"), check(PRODUCTION, approve(BOB), stale));
            ReleaseApproval expired = new ReleaseApproval("bob", "product-owner", APPROVED, "ok", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), HASH);
            assertEquals(new Accepted("product-owner"), check(PRODUCTION, approve(BOB), expired));
        }

        @Test
        void aDecisionNeedsAReason() {
            assertEquals(new Refused(400, "a reason is required"), check(PRODUCTION, new ApprovalRequest(BOB, APPROVED, null, null)));
            assertEquals(new Refused(400, "a reason is required"), check(PRODUCTION, new ApprovalRequest(BOB, APPROVED, null, "  ")));
            assertEquals(new Refused(400, "a reason is required"), check(PRODUCTION, reject(CAROL, "")));
        }

        @Test
        void whoComesBeforeStateAndStateBeforeTheReason() {
            assertEquals(403, ((Refused) check(PRODUCTION, new ApprovalRequest(ALICE, APPROVED, null, null))).status());
            assertEquals(403, ((Refused) check(PRODUCTION, new ApprovalRequest(ERIN, APPROVED, null, null))).status());
            assertEquals(409, ((Refused) check(PRODUCTION, new ApprovalRequest(HANK, APPROVED, null, null), approval(BOB, "product-owner", 1))).status());
        }

        @Test
        void someoneWhoApprovedMayStillReject() {
            assertEquals(new Accepted("product-owner"), check(PRODUCTION, reject(BOB, "found a blocker"), approval(BOB, "product-owner", 5)));
        }
    }

    @Test
    void recordingBindsTheDecisionToTheContentAndTheTtl() {
        ApprovalRequest req = new ApprovalRequest(BOB, APPROVED, null, "  regression passed ");
        ReleaseApproval a = ApprovalLedger.record(PRODUCTION, req, new Accepted("product-owner"), HASH, NOW);
        assertEquals(new ReleaseApproval("bob", "product-owner", APPROVED, "regression passed", NOW, NOW.plus(Duration.ofHours(24)), HASH), a);
        ReleaseApproval no = ApprovalLedger.record(PRODUCTION, reject(CAROL, "no"), new Accepted("compliance-officer"), HASH, NOW);
        assertNull(no.expiresAt());
    }

    @Test
    void aProductionReleaseWhoseEvidenceChangesMidwayNeedsTheOwnerAgain() {
        List<ReleaseApproval> ledger = new ArrayList<>();
        ledger.add(record(BOB, HASH, NOW.minusSeconds(300)));
        String newHash = "c".repeat(64); // a new QA report arrived
        ledger.add(record(CAROL, newHash, NOW.minusSeconds(60)));
        ApprovalStatus midway = ApprovalLedger.evaluate(PRODUCTION, REQUESTER, ledger, newHash, NOW);
        assertEquals(List.of(new Missing(ApprovalRequirement.one("product-owner"), 1)), assertInstanceOf(Waiting.class, midway).missing());
        assertEquals(new Accepted("product-owner"), ApprovalLedger.check(PRODUCTION, REQUESTER, ledger, newHash, NOW, approve(BOB)));
        ledger.add(record(BOB, newHash, NOW));
        assertInstanceOf(Satisfied.class, ApprovalLedger.evaluate(PRODUCTION, REQUESTER, ledger, newHash, NOW));
    }

    private static ReleaseApproval record(Actor who, String hash, Instant at) {
        ApprovalVerdict v = ApprovalLedger.check(PRODUCTION, REQUESTER, List.of(), hash, at, approve(who));
        return ApprovalLedger.record(PRODUCTION, approve(who), (Accepted) v, hash, at);
    }
}
