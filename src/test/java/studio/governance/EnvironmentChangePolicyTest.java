package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What loosens an environment: fewer or wider approvers, shared approvals, unprotected, longer-lived approvals, skippable. */
class EnvironmentChangePolicyTest {

    static final ReleasePolicy PRODUCTION = ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION);

    static ReleasePolicy production(List<ApprovalRequirement> requirements, boolean distinct, Duration ttl, boolean guarded) {
        return new ReleasePolicy(ReleaseEnvironment.PRODUCTION, requirements, distinct, ttl, PRODUCTION.approvalTimeout(), guarded);
    }

    @Test
    void tighteningLoosensNothing() {
        var more = production(List.of(new ApprovalRequirement(List.of(Roles.PRODUCT_OWNER), 2), ApprovalRequirement.one(Roles.COMPLIANCE_OFFICER),
                ApprovalRequirement.one(Roles.SECURITY_OFFICER)), true, Duration.ofHours(1), true);
        assertEquals(List.of(), EnvironmentChangePolicy.weakenings(PRODUCTION, true, more, true));
        assertEquals(List.of(), EnvironmentChangePolicy.weakenings(PRODUCTION, false, PRODUCTION, true));
    }

    @Test
    void eachLooseningIsNamed() {
        var wider = production(List.of(new ApprovalRequirement(List.of(Roles.PRODUCT_OWNER, Roles.QA_LEAD), 1)), false, null, false);
        assertEquals(List.of("production no longer needs 1 approval by product-owner", "production no longer needs 1 approval by compliance-officer",
                        "production lets one person give several of its approvals", "production is no longer protected",
                        "production approvals last for ever instead of " + PRODUCTION.approvalTtl(),
                        "production may be skipped on the way to later environments"),
                EnvironmentChangePolicy.weakenings(PRODUCTION, true, wider, false));
    }

    @Test
    void neitherTheAuthorNorCiNorAnotherRoleDecides() {
        Actor admin = new Actor("platform-admin", java.util.Set.of(Roles.PLATFORM_ADMIN));
        assertEquals(403, ((Verdict.Refused) EnvironmentChangePolicy.decide(admin, "production", "platform-admin", true, "r")).status());
        assertEquals(403, ((Verdict.Refused) EnvironmentChangePolicy.decide(new Actor("ci", java.util.Set.of(Roles.CI)), "production", "x", true, "r")).status());
        assertEquals(403, ((Verdict.Refused) EnvironmentChangePolicy.decide(new Actor("po", java.util.Set.of(Roles.PRODUCT_OWNER)), "production", "x", true, "r"))
                .status());
        assertEquals(409, ((Verdict.Refused) EnvironmentChangePolicy.decide(new Actor("co", java.util.Set.of(Roles.COMPLIANCE_OFFICER)), "production", "x", false, "r"))
                .status());
        assertEquals(Verdict.ALLOWED, EnvironmentChangePolicy.decide(new Actor("co", java.util.Set.of(Roles.COMPLIANCE_OFFICER)), "production", "x", true, "ok"));
    }
}
