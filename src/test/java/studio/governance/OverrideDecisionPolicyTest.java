package studio.governance;

import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.gate.MilestoneEvidence.OverrideStatus;

class OverrideDecisionPolicyTest {

    private static final OverrideTicket REQUESTED = ticket(OverrideStatus.REQUESTED);
    private static final OverrideTicket EXPIRING = new OverrideTicket(7, OverrideStatus.REQUESTED, "dev-1", null, null, NOW.plusSeconds(1));
    private static final OverrideTicket EXPIRED = new OverrideTicket(7, OverrideStatus.REQUESTED, "dev-1", null, null, NOW);
    private static final GovernedMilestone DEFAULT_ROLES = new GovernedMilestone("mvp-ready", GATES, true, List.of(), null, MilestoneState.BLOCKED);
    private static final GovernedMilestone ADMIN_GOVERNED = new GovernedMilestone("mvp-ready", GATES, true, null, "platform-admin", MilestoneState.BLOCKED);

    private static Supplier<Verdict> approve(Actor a, OverrideTicket t, String reason) {
        return () -> OverridePolicy.approve(a, blocked(), t, SignOffs.NONE, reason, NOW);
    }

    private static Supplier<Verdict> reject(Actor a, OverrideTicket t, String reason) {
        return () -> OverridePolicy.reject(a, blocked(), t, reason);
    }

    private static Supplier<Verdict> revoke(Actor a, GovernedMilestone m, OverrideTicket t, String reason) {
        return () -> OverridePolicy.revoke(a, m, t, reason);
    }

    static Stream<Arguments> approving() {
        String already = "override 7 was already %s by qa-lead-2 at 2025-05-15T11:00:00Z";
        return Stream.of(
                row("a qa-lead", 0, null, approve(QA, REQUESTED, "edge case accepted")),
                row("another approval role", 0, null, approve(ARCHITECT, REQUESTED, "ok")),
                row("before its expiry", 0, null, approve(QA, EXPIRING, "ok")),
                row("the requester, even holding an approval role", 403, "you requested this override; another approver must decide",
                        approve(actor("dev-1", "qa-lead"), REQUESTED, "mine")),
                row("a role outside approvalRoles", 403, "approving an override on mvp-ready needs one of the roles qa-lead, domain-architect",
                        approve(PO, REQUESTED, "ok")),
                row("platform-admin is not an approver unless listed", 403, null, approve(ADMIN, REQUESTED, "ok")),
                row("auditor", 403, null, approve(AUDITOR, REQUESTED, "ok")),
                row("default approvalRoles admit qa-lead", 0, null, () -> OverridePolicy.approve(QA, DEFAULT_ROLES, REQUESTED, SignOffs.NONE, "ok", NOW)),
                row("default approvalRoles refuse others", 403, "approving an override on mvp-ready needs the role qa-lead",
                        () -> OverridePolicy.approve(ARCHITECT, DEFAULT_ROLES, REQUESTED, SignOffs.NONE, "ok", NOW)),
                row("already approved", 409, String.format(already, "approved"), approve(QA, ticket(OverrideStatus.APPROVED), "ok")),
                row("already rejected", 409, String.format(already, "rejected"), approve(QA, ticket(OverrideStatus.REJECTED), "ok")),
                row("already revoked", 409, String.format(already, "revoked"), approve(QA, ticket(OverrideStatus.REVOKED), "ok")),
                row("expired", 409, "override 7 expired at 2025-05-15T12:00:00Z; request a new one", approve(QA, EXPIRED, "ok")),
                row("no reason", 400, "a reason is required", approve(QA, REQUESTED, null)),
                row("blank reason", 400, "a reason is required", approve(QA, REQUESTED, "  ")),
                row("self-approval of a decided request is still 403", 403, null, approve(actor("dev-1", "qa-lead"), ticket(OverrideStatus.APPROVED), null)),
                row("wrong role on a decided request is 403", 403, null, approve(PO, ticket(OverrideStatus.APPROVED), null)),
                row("decided and no reason is 409", 409, null, approve(QA, ticket(OverrideStatus.APPROVED), null)));
    }

    static Stream<Arguments> rejecting() {
        return Stream.of(
                row("a qa-lead", 0, null, reject(QA, REQUESTED, "fix the tests instead")),
                row("an expired request may still be rejected", 0, null, reject(QA, EXPIRED, "too late anyway")),
                row("the requester", 403, "you requested this override; another approver must decide", reject(actor("dev-1", "qa-lead"), REQUESTED, "x")),
                row("a role outside approvalRoles", 403, "rejecting an override on mvp-ready needs one of the roles qa-lead, domain-architect",
                        reject(PO, REQUESTED, "x")),
                row("already approved", 409, "override 7 was already approved by qa-lead-2 at 2025-05-15T11:00:00Z",
                        reject(QA, ticket(OverrideStatus.APPROVED), "x")),
                row("already rejected", 409, null, reject(QA, ticket(OverrideStatus.REJECTED), "x")),
                row("no reason", 400, "a reason is required", reject(QA, REQUESTED, "")));
    }

    static Stream<Arguments> revoking() {
        OverrideTicket approved = ticket(OverrideStatus.APPROVED);
        return Stream.of(
                row("the governedBy role", 0, null, revoke(PO, blocked(), approved, "risk no longer acceptable")),
                row("platform-admin", 0, null, revoke(ADMIN, blocked(), approved, "policy")),
                row("the approver without a governing role", 403, "revoking an override needs one of the roles product-owner, platform-admin",
                        revoke(QA, blocked(), approved, "oops")),
                row("auditor", 403, null, revoke(AUDITOR, blocked(), approved, "x")),
                row("governedBy platform-admin", 403, "revoking an override needs the role platform-admin", revoke(PO, ADMIN_GOVERNED, approved, "x")),
                row("a requested override", 409, "only an approved override can be revoked; override 7 is requested",
                        revoke(PO, blocked(), ticket(OverrideStatus.REQUESTED), "x")),
                row("a rejected override", 409, "only an approved override can be revoked; override 7 is rejected",
                        revoke(PO, blocked(), ticket(OverrideStatus.REJECTED), "x")),
                row("an already revoked override", 409, "override 7 was already revoked by qa-lead-2 at 2025-05-15T11:00:00Z",
                        revoke(PO, blocked(), ticket(OverrideStatus.REVOKED), "x")),
                row("no reason", 400, "a reason is required", revoke(PO, blocked(), approved, null)),
                row("wrong role and wrong status is 403", 403, null, revoke(QA, blocked(), ticket(OverrideStatus.REQUESTED), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("approving")
    void approvingAnOverride(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejecting")
    void rejectingAnOverride(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revoking")
    void revokingAnOverride(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }
}
