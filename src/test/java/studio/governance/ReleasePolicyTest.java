package studio.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.format.Durations;

class ReleasePolicyTest {

    static final ReleasePolicy STAGING = ReleasePolicy.defaultFor(ReleaseEnvironment.STAGING);
    static final ReleasePolicy QA = ReleasePolicy.defaultFor(ReleaseEnvironment.QA);
    static final ReleasePolicy PRODUCTION = ReleasePolicy.defaultFor(ReleaseEnvironment.PRODUCTION);

    @Test
    void defaultsFollowTheApi() {
        assertEquals(new ReleasePolicy(ReleaseEnvironment.STAGING, List.of(), true, null, null), STAGING);
        assertEquals(new ReleasePolicy(ReleaseEnvironment.QA, List.of(ApprovalRequirement.one("qa-lead")), true, Duration.ofHours(24),
                Duration.ofHours(72), true), QA);
        assertEquals(new ReleasePolicy(ReleaseEnvironment.PRODUCTION, List.of(ApprovalRequirement.one("product-owner"),
                ApprovalRequirement.one("compliance-officer")), true, Duration.ofHours(24), Duration.ofHours(72), true), PRODUCTION);
        assertFalse(STAGING.protectedEnvironment(), "staging is not protected by default");
        assertFalse(STAGING.gated());
        assertTrue(QA.gated());
        assertTrue(PRODUCTION.gated());
    }

    @Test
    void describesItselfInASentence() {
        assertEquals("staging releases need no approval", STAGING.describe());
        assertEquals("qa releases need approval by a qa-lead", QA.describe());
        assertEquals("production releases need approval by a product-owner and a compliance-officer (different people)", PRODUCTION.describe());
        ReleasePolicy twoLeads = new ReleasePolicy(ReleaseEnvironment.QA, List.of(new ApprovalRequirement(List.of("qa-lead"), 2)), false, null, null);
        assertEquals("qa releases need approval by 2 people holding qa-lead (different people)", twoLeads.describe());
        ReleasePolicy sameMay = new ReleasePolicy(ReleaseEnvironment.PRODUCTION, PRODUCTION.requirements(), false, null, null);
        assertEquals("production releases need approval by a product-owner and a compliance-officer", sameMay.describe());
    }

    @Test
    void manualApprovalGatesAnUngatedEnvironmentWithAnyOfTheNamedRoles() {
        ReleasePolicy manual = STAGING.withManualApproval(List.of("qa-lead", "product-owner"));
        assertEquals(List.of(new ApprovalRequirement(List.of("qa-lead", "product-owner"), 1)), manual.requirements());
        assertEquals(Duration.ofHours(24), manual.approvalTtl());
        assertEquals(Duration.ofHours(72), manual.approvalTimeout());
        assertEquals("staging releases need approval by a qa-lead or product-owner", manual.describe());
        assertEquals(List.of(ApprovalRequirement.one("product-owner")), STAGING.withManualApproval(List.of()).requirements());
        assertEquals(List.of(ApprovalRequirement.one("product-owner")), STAGING.withManualApproval(null).requirements());
    }

    @Test
    void namedRolesAddAnApproverToAGatedEnvironmentUnlessOneOfThemMustApproveAlready() {
        ReleasePolicy more = PRODUCTION.withManualApproval(List.of("qa-lead", "security-officer"));
        assertEquals(List.of(ApprovalRequirement.one("product-owner"), ApprovalRequirement.one("compliance-officer"),
                new ApprovalRequirement(List.of("qa-lead", "security-officer"), 1)), more.requirements());
        assertEquals("production releases need approval by a product-owner and a compliance-officer and a qa-lead or security-officer "
                + "(different people)", more.describe());
        assertSame(PRODUCTION, PRODUCTION.withManualApproval(List.of("compliance-officer", "qa-lead")), "a compliance-officer must approve already");
        assertSame(PRODUCTION, PRODUCTION.withManualApproval(List.of()), "naming nobody never weakens a gated environment");
        assertSame(PRODUCTION, PRODUCTION.withManualApproval(null));
    }

    @Test
    void findsTheRequirementOfARole() {
        assertEquals(Optional.of(ApprovalRequirement.one("compliance-officer")), PRODUCTION.requirementFor("compliance-officer"));
        assertEquals(Optional.empty(), PRODUCTION.requirementFor("qa-lead"));
        assertEquals(List.of("product-owner", "compliance-officer"), PRODUCTION.approverRoles());
    }

    @Test
    void approvalsExpireAfterTheTtl() {
        Instant at = Instant.parse("2025-05-14T16:58:00Z");
        assertEquals(Instant.parse("2025-05-15T16:58:00Z"), PRODUCTION.expiryFor(at));
        assertNull(STAGING.expiryFor(at));
    }

    @Test
    void refusesPoliciesThatCannotWork() {
        assertEquals("role qa-lead appears in two approval requirements of qa", assertThrows(IllegalArgumentException.class,
                () -> new ReleasePolicy(ReleaseEnvironment.QA, List.of(ApprovalRequirement.one("qa-lead"),
                        new ApprovalRequirement(List.of("product-owner", "qa-lead"), 1)), true, null, null)).getMessage());
        assertEquals("approvalTtl must be positive, not 0s", assertThrows(IllegalArgumentException.class,
                () -> new ReleasePolicy(ReleaseEnvironment.QA, List.of(), true, Duration.ZERO, null)).getMessage());
        assertEquals("approvalTimeout must be positive, not -1h", assertThrows(IllegalArgumentException.class,
                () -> new ReleasePolicy(ReleaseEnvironment.QA, List.of(), true, null, Duration.ofHours(-1))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auditor", "ci", "release-manager", ""})
    void onlyActingPeoplesRolesCanApprove(String role) {
        String message = assertThrows(IllegalArgumentException.class, () -> ApprovalRequirement.one(role)).getMessage();
        assertEquals("'" + role + "' cannot approve releases (roles that can: product-owner, qa-lead, domain-architect, security-officer, "
                + "compliance-officer, platform-admin)", message);
    }

    @Test
    void aRequirementNeedsRolesOnceAndACountOfAtLeastOne() {
        assertEquals("an approval requirement names at least one role",
                assertThrows(IllegalArgumentException.class, () -> new ApprovalRequirement(List.of(), 1)).getMessage());
        assertEquals("role named twice in [qa-lead, qa-lead]",
                assertThrows(IllegalArgumentException.class, () -> new ApprovalRequirement(List.of("qa-lead", "qa-lead"), 1)).getMessage());
        assertEquals("an approval requirement needs a count of at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> new ApprovalRequirement(List.of("qa-lead"), 0)).getMessage());
    }

    @Test
    void environmentsAreReadByName() {
        assertEquals(ReleaseEnvironment.PRODUCTION, ReleaseEnvironment.parse(" Production "));
        assertEquals("unknown environment 'prod' (known: staging, qa, production)",
                assertThrows(IllegalArgumentException.class, () -> ReleaseEnvironment.parse("prod")).getMessage());
    }
}
