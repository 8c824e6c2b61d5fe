package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hotfix path's rules without Quarkus: the stricter policy, the justification and who reviews. */
class HotfixPolicyTest {

    static Actor as(String name, String... roles) {
        return new Actor(name, Set.of(roles));
    }

    @Test
    void aHotfixNeedsOneApproverMoreOfTheExtraRole() {
        ReleasePolicy production = HotfixPolicy.stricter(ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION), Roles.SECURITY_OFFICER);
        assertEquals(List.of(ApprovalRequirement.one(Roles.PRODUCT_OWNER), ApprovalRequirement.one(Roles.COMPLIANCE_OFFICER),
                ApprovalRequirement.one(Roles.SECURITY_OFFICER)), production.requirements());
        assertTrue(production.distinctApprovers());

        ReleasePolicy twoOfficers = HotfixPolicy.stricter(ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION), Roles.COMPLIANCE_OFFICER);
        assertEquals(List.of(ApprovalRequirement.one(Roles.PRODUCT_OWNER), new ApprovalRequirement(List.of(Roles.COMPLIANCE_OFFICER), 2)),
                twoOfficers.requirements());
        assertEquals("production releases need approval by a product-owner and 2 people holding compliance-officer (different people)",
                twoOfficers.describe());

        ReleasePolicy staging = HotfixPolicy.stricter(ReleasePolicy.defaultFor(ReleaseEnvironment.STAGING), Roles.COMPLIANCE_OFFICER);
        assertTrue(staging.gated(), "even where the environment needs nobody");
        assertEquals(ReleasePolicy.DEFAULT_TTL, staging.approvalTtl());
        assertEquals(ReleasePolicy.DEFAULT_TIMEOUT, staging.approvalTimeout());
    }

    @Test
    void theJustificationIsASentence() {
        assertEquals("'justification' is required: why this hotfix skips the lifecycle", HotfixPolicy.justificationRefusal("  ").orElseThrow());
        assertTrue(HotfixPolicy.justificationRefusal("urgent fix").orElseThrow().startsWith("'justification' must be at least 20 characters (it has 10)"));
        assertTrue(HotfixPolicy.justificationRefusal("payments fail for every card").isEmpty());
    }

    @Test
    void someoneOtherThanTheRequesterReviewsOnceItCompleted() {
        assertEquals(403, ((Verdict.Refused) HotfixPolicy.review("alice", as("alice", Roles.PRODUCT_OWNER), true, "ok")).status());
        assertEquals(403, ((Verdict.Refused) HotfixPolicy.review("alice", as("ci", Roles.CI), true, "ok")).status());
        assertEquals(403, ((Verdict.Refused) HotfixPolicy.review("alice", as("pat", Roles.PLATFORM_ADMIN), true, "ok")).status());
        assertEquals(409, ((Verdict.Refused) HotfixPolicy.review("alice", as("bob", Roles.QA_LEAD), null, "ok")).status());
        assertEquals(409, ((Verdict.Refused) HotfixPolicy.review("alice", as("bob", Roles.QA_LEAD), false, "ok")).status());
        assertEquals(400, ((Verdict.Refused) HotfixPolicy.review("alice", as("bob", Roles.QA_LEAD), true, " ")).status());
        assertTrue(HotfixPolicy.review("alice", as("bob", Roles.COMPLIANCE_OFFICER), true, "root cause fixed").allowed());
    }
}
