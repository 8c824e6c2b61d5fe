package studio.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.milestone.ControlPanelTest.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.governance.Hold;
import studio.governance.MilestoneState;

/** What the control panel offers around a pause and a rejected promotion: nothing that moves a paused milestone. */
class ControlPanelHoldsTest {

    static final Hold PAUSE = new Hold("product-owner", "product-owner", "legal hold", NOW);
    static final Hold REJECTION = new Hold("product-owner", "product-owner", "CVE open", NOW);



    @Test
    void aPausedMilestoneOffersOnlyResumingToItsGovernors() {
        ControlPanel open = panel(PO, MilestoneState.ESCALATED).holding(PO, milestone(MilestoneState.ESCALATED), null, null);
        assertTrue(open.holds().pause() && open.forceClose() && !open.holds().unpause());
        ControlPanel paused = panel(PO, MilestoneState.ESCALATED).holding(PO, milestone(MilestoneState.ESCALATED), PAUSE, null);
        assertTrue(paused.holds().unpause());
        assertFalse(paused.holds().pause() || paused.forceClose() || paused.terminate() || paused.evaluate() || paused.escalate());
        assertEquals(List.of(), paused.overridableGates());
        ControlPanel qa = panel(QA, MilestoneState.ESCALATED).holding(QA, milestone(MilestoneState.ESCALATED), PAUSE, null);
        assertFalse(qa.holds().unpause(), "qa-lead does not govern this milestone");
        assertFalse(panel(CI, MilestoneState.ESCALATED).holding(CI, milestone(MilestoneState.ESCALATED), null, null).holds().any());
        assertFalse(panel(AUDITOR, MilestoneState.ESCALATED).holding(AUDITOR, milestone(MilestoneState.ESCALATED), null, null).holds().any());
    }

    @Test
    void aRejectedPromotionTakesPromotingAwayUntilLifted() {
        ControlPanel reached = panel(ADMIN, MilestoneState.REACHED).holding(ADMIN, milestone(MilestoneState.REACHED), null, null);
        assertTrue(reached.promote() && reached.holds().rejectPromotion() && !reached.holds().liftRejection());
        ControlPanel rejected = panel(ADMIN, MilestoneState.REACHED).holding(ADMIN, milestone(MilestoneState.REACHED), null, REJECTION);
        assertTrue(!rejected.promote() && rejected.holds().liftRejection() && !rejected.holds().rejectPromotion());
        ControlPanel paused = panel(ADMIN, MilestoneState.REACHED).holding(ADMIN, milestone(MilestoneState.REACHED), PAUSE, null);
        assertFalse(paused.promote(), "a paused milestone is not promoted");
        assertFalse(panel(QA, MilestoneState.REACHED).holding(QA, milestone(MilestoneState.REACHED), null, null).holds().rejectPromotion());
    }
}
