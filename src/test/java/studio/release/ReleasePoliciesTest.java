package studio.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.governance.ApprovalRequirement;
import studio.governance.ReleaseEnvironment;
import studio.governance.ReleasePolicy;

class ReleasePoliciesTest {

    @Test
    void withoutConfigurationEveryEnvironmentHasItsDefault() {
        ReleasePolicies p = ReleasePolicies.defaults();
        for (ReleaseEnvironment e : ReleaseEnvironment.values()) assertEquals(ReleasePolicy.defaultFor(e), p.policyFor(e));
        assertEquals(ReleasePolicies.defaults(), ReleasePolicies.fromYaml(""));
        assertEquals(ReleasePolicies.defaults(), ReleasePolicies.fromYaml("# nothing configured\n"));
    }

    @Test
    void aFileChangesOnlyWhatItSays() {
        ReleasePolicies p = ReleasePolicies.fromYaml("""
                production:
                  approvals: {product-owner: 1, compliance-officer: 1, security-officer: 1}
                  approvalTtl: 12h
                qa:
                  approvals: {qa-lead: 2}
                  distinctApprovers: false
                  approvalTimeout: none
                """);
        ReleasePolicy prod = p.policyFor(ReleaseEnvironment.PRODUCTION);
        assertEquals(List.of(ApprovalRequirement.one("product-owner"), ApprovalRequirement.one("compliance-officer"),
                ApprovalRequirement.one("security-officer")), prod.requirements());
        assertEquals(Duration.ofHours(12), prod.approvalTtl());
        assertEquals(Duration.ofHours(72), prod.approvalTimeout());
        ReleasePolicy qa = p.policyFor(ReleaseEnvironment.QA);
        assertEquals(List.of(new ApprovalRequirement(List.of("qa-lead"), 2)), qa.requirements());
        assertEquals(false, qa.distinctApprovers());
        assertNull(qa.approvalTimeout());
        assertEquals(ReleasePolicy.defaultFor(ReleaseEnvironment.STAGING), p.policyFor(ReleaseEnvironment.STAGING));
    }

    @Test
    void approvalsMayBeAListOfRolesOrNone() {
        ReleasePolicies p = ReleasePolicies.fromYaml("""
                staging:
                  approvals: [product-owner]
                production:
                  approvals: []
                  protected: false
                qa:
                  approvals: none
                  protected: false
                """);
        assertEquals(List.of(ApprovalRequirement.one("product-owner")), p.policyFor(ReleaseEnvironment.STAGING).requirements());
        assertEquals(List.of(), p.policyFor(ReleaseEnvironment.PRODUCTION).requirements());
        assertEquals(List.of(), p.policyFor(ReleaseEnvironment.QA).requirements());
    }

    @Test
    void aProtectedEnvironmentCannotBeLeftWithoutAnApprover() {
        assertEquals("production: production is protected: its releases need at least one approver besides the requester"
                + " (name approvals, or set protected: false to release there without approval)", refusal("production:\n  approvals: []\n"));
        assertEquals("qa: qa is protected: its releases need at least one approver besides the requester"
                + " (name approvals, or set protected: false to release there without approval)", refusal("qa:\n  approvals: none\n"));
        assertEquals("staging: staging is protected: its releases need at least one approver besides the requester"
                + " (name approvals, or set protected: false to release there without approval)", refusal("staging:\n  protected: true\n"));
        assertEquals(true, ReleasePolicies.defaults().policyFor(ReleaseEnvironment.PRODUCTION).protectedEnvironment());
    }

    @Test
    void anEnvironmentWithNoSettingsKeepsItsDefault() {
        assertEquals(ReleasePolicies.defaults(), ReleasePolicies.fromYaml("production:\n"));
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        assertEquals("unknown environment 'prod' (known: staging, qa, production)", refusal("prod:\n  approvals: []\n"));
        assertEquals("production.approvers is not a policy setting (known: approvals, distinctApprovers, approvalTtl, approvalTimeout, protected)",
                refusal("production:\n  approvers: [qa-lead]\n"));
        assertEquals("qa.approvals: an approval count is a whole number, not two", refusal("qa:\n  approvals: {qa-lead: two}\n"));
        assertEquals("qa.approvals: an approval count is a whole number, not 1.5", refusal("qa:\n  approvals: {qa-lead: 1.5}\n"));
        assertEquals("qa.approvals: an approval requirement needs a count of at least 1, not 0", refusal("qa:\n  approvals: {qa-lead: 0}\n"));
        assertEquals("qa.approvals: write approvals as {role: count} or a list of roles", refusal("qa:\n  approvals: qa-lead\n"));
        assertTrue(refusal("qa:\n  approvals: [auditor]\n").startsWith("qa.approvals: 'auditor' cannot approve releases"));
        assertEquals("qa.distinctApprovers must be true or false, not yes please", refusal("qa:\n  distinctApprovers: yes please\n"));
        assertEquals("production.approvalTtl: 'tomorrow' is not a duration (write 72h, 30m, 7d or PT24H)", refusal("production:\n  approvalTtl: tomorrow\n"));
        assertEquals("production: approvalTimeout must be positive, not 0s", refusal("production:\n  approvalTimeout: 0s\n"));
        assertEquals("production must be a mapping, not [a]", refusal("production: [a]\n"));
        assertEquals("release-policy.yaml must be a mapping, not [production]", refusal("- production\n"));
        assertTrue(refusal("production: {approvals: [\n").startsWith("release-policy.yaml is not YAML: "));
    }

    private static String refusal(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> ReleasePolicies.fromYaml(yaml)).getMessage();
    }
}
