package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldPolicyTest {

    private static final Hold PAUSED = new Hold("po-anna", "product-owner", "security review", Instant.parse("2025-05-15T10:00:00Z"));
    private static final Hold REJECTED = new Hold("po-anna", "product-owner", "CVE open", Instant.parse("2025-05-15T10:00:00Z"));

    private static GovernedMilestone milestone(String governedBy, MilestoneState state) {
        return new GovernedMilestone("m1", List.of(), true, List.of("qa-lead"), governedBy, state, null, null);
    }

    private static Actor actor(String... roles) {
        return new Actor("someone", java.util.Set.of(roles));
    }

    private static String said(Verdict v) {
        return v.allowed() ? "allowed" : ((Verdict.Refused) v).status() + " " + ((Verdict.Refused) v).message();
    }

    @Test
    void governorsPauseAndResumeWithAReason() {
        var m = milestone("qa-lead", MilestoneState.PENDING);
        assertEquals("allowed", said(HoldPolicy.pause(actor("qa-lead"), m, null, "why")));
        assertEquals("allowed", said(HoldPolicy.pause(actor("platform-admin"), m, null, "why")));
        assertEquals("403 pausing milestone m1 needs one of the roles qa-lead, platform-admin", said(HoldPolicy.pause(actor("product-owner"), m, null, "why")));
        assertEquals("403 pausing milestone m1 needs one of the roles qa-lead, platform-admin", said(HoldPolicy.pause(actor("ci"), m, null, "why")));
        assertEquals("400 a reason is required", said(HoldPolicy.pause(actor("qa-lead"), m, null, " ")));
        assertEquals("409 milestone m1 is already paused by po-anna: security review", said(HoldPolicy.pause(actor("qa-lead"), m, PAUSED, "why")));
        assertEquals("409 milestone m1 is Closed; only an open milestone can be paused",
                said(HoldPolicy.pause(actor("qa-lead"), milestone("qa-lead", MilestoneState.CLOSED), null, "why")));
        assertEquals("allowed", said(HoldPolicy.resume(actor("qa-lead"), m, PAUSED, "done")));
        assertEquals("409 milestone m1 is not paused", said(HoldPolicy.resume(actor("qa-lead"), m, null, "done")));
        assertEquals("403 resuming milestone m1 needs one of the roles qa-lead, platform-admin", said(HoldPolicy.resume(actor("auditor"), m, PAUSED, "done")));
    }

    @Test
    void governorsAndPromotersRejectAReachedMilestonesPromotionUntilLifted() {
        var m = milestone("qa-lead", MilestoneState.REACHED);
        for (String role : List.of("qa-lead", "product-owner", "platform-admin")) {
            assertEquals("allowed", said(HoldPolicy.rejectPromotion(actor(role), m, null, null, "why")), role);
            assertEquals("allowed", said(HoldPolicy.liftRejection(actor(role), m, REJECTED, "fixed")), role);
        }
        assertEquals("403 rejecting the promotion of milestone m1 needs one of the roles qa-lead, platform-admin, product-owner",
                said(HoldPolicy.rejectPromotion(actor("ci"), m, null, null, "why")));
        assertEquals("409 milestone m1 is Verifying; only a Reached milestone's promotion can be rejected",
                said(HoldPolicy.rejectPromotion(actor("qa-lead"), milestone("qa-lead", MilestoneState.VERIFYING), null, null, "why")));
        assertEquals("409 the promotion of milestone m1 is already rejected by po-anna: CVE open",
                said(HoldPolicy.rejectPromotion(actor("qa-lead"), m, null, REJECTED, "why")));
        assertEquals("409 the promotion of milestone m1 is not rejected", said(HoldPolicy.liftRejection(actor("qa-lead"), m, null, "fixed")));
    }

    @Test
    void promotionIsRefusedWhilePausedOrRejected() {
        assertEquals(Optional.empty(), HoldPolicy.promotionRefusal("m1", null, null));
        assertEquals("milestone m1 is paused by po-anna: security review; resume it first", HoldPolicy.promotionRefusal("m1", PAUSED, null).orElseThrow());
        assertTrue(HoldPolicy.promotionRefusal("m1", null, REJECTED).orElseThrow()
                .equals("the promotion of milestone m1 was rejected by po-anna: CVE open; lift the rejection first"));
    }
}
