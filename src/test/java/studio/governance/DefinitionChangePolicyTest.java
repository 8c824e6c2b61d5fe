package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.governance.PolicyFixture.actor;

import org.junit.jupiter.api.Test;

/** A loosening definition change is decided by a product owner or the milestone's governor, never its author or CI. */
class DefinitionChangePolicyTest {

    static final GovernedMilestone MILESTONE = PolicyFixture.milestone(MilestoneState.BLOCKED);

    @Test
    void anotherProductOwnerOrTheGovernorDecides() {
        assertTrue(DefinitionChangePolicy.decide(actor("po-2", "product-owner"), MILESTONE, "po-1", true, "agreed").allowed());
        assertTrue(DefinitionChangePolicy.decide(actor("admin", "platform-admin"), MILESTONE, "po-1", true, "agreed").allowed());
    }

    @Test
    void theAuthorCiAndOtherRolesCannot() {
        assertEquals(Verdict.forbidden("you wrote this change to mvp-ready; another person must decide it"),
                DefinitionChangePolicy.decide(actor("po-1", "product-owner"), MILESTONE, "po-1", true, "mine"));
        assertEquals(403, status(DefinitionChangePolicy.decide(actor("ci-bot", "ci"), MILESTONE, "po-1", true, "ok")));
        assertEquals(403, status(DefinitionChangePolicy.decide(actor("qa", "qa-lead"), MILESTONE, "po-1", true, "ok")));
    }

    @Test
    void aDecidedChangeIsAConflictAndAReasonIsRequired() {
        assertEquals(409, status(DefinitionChangePolicy.decide(actor("po-2", "product-owner"), MILESTONE, "po-1", false, "again")));
        assertEquals(400, status(DefinitionChangePolicy.decide(actor("po-2", "product-owner"), MILESTONE, "po-1", true, " ")));
    }

    static int status(Verdict v) {
        return v instanceof Verdict.Refused r ? r.status() : 200;
    }
}
