package studio.governance;

import static studio.governance.PolicyAssertions.assertVerdict;
import static studio.governance.PolicyFixture.*;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Force close and termination: a governor asks, a second person of the bypass quorum approves. */
class BypassPolicyTest {

    static final Actor PO2 = actor("po-ben", "product-owner");

    static Bypass waiting(Bypass.Kind kind, String requestedBy, Quorum.Signature... approvals) {
        return new Bypass(11, kind, Bypass.Status.REQUESTED, requestedBy, List.of(approvals), null, null);
    }

    static Supplier<Verdict> request(Actor a, GovernedMilestone m, Bypass.Kind kind) {
        return () -> BypassPolicy.request(a, m, kind, Optional.empty(), "customer accepted the risk");
    }

    static Supplier<Verdict> approve(Actor a, GovernedMilestone m, Bypass b, String escalatedBy) {
        return () -> BypassPolicy.approve(a, m, b, escalatedBy, "agreed", NOW);
    }

    static Stream<Arguments> requesting() {
        GovernedMilestone escalated = milestone(MilestoneState.ESCALATED);
        return Stream.of(
                row("a governor requests a force close of an escalated milestone", 0, null, request(PO, escalated, Bypass.Kind.FORCE_CLOSE)),
                row("platform-admin may request too", 0, null, request(ADMIN, escalated, Bypass.Kind.TERMINATE)),
                row("termination of a blocked milestone", 0, null, request(PO, blocked(), Bypass.Kind.TERMINATE)),
                row("a qa-lead is no governor", 403, "requesting a force close of mvp-ready needs one of the roles product-owner, platform-admin",
                        request(QA, escalated, Bypass.Kind.FORCE_CLOSE)),
                row("force close needs Escalated", 409, "force close needs the milestone Escalated; mvp-ready is Blocked",
                        request(PO, blocked(), Bypass.Kind.FORCE_CLOSE)),
                row("termination needs Blocked or Escalated", 409, "termination needs the milestone Blocked or Escalated; mvp-ready is Verifying",
                        request(PO, milestone(MilestoneState.VERIFYING), Bypass.Kind.TERMINATE)),
                row("one request of a kind waits at a time", 409, "force close request 11 by po-anna is already waiting for approval",
                        () -> BypassPolicy.request(ADMIN, escalated, Bypass.Kind.FORCE_CLOSE, Optional.of(waiting(Bypass.Kind.FORCE_CLOSE, "po-anna")), "r")),
                row("a reason is required", 400, "a reason is required",
                        () -> BypassPolicy.request(PO, escalated, Bypass.Kind.FORCE_CLOSE, Optional.empty(), " ")));
    }

    static Stream<Arguments> approving() {
        GovernedMilestone escalated = milestone(MilestoneState.ESCALATED);
        Bypass byAnna = waiting(Bypass.Kind.FORCE_CLOSE, "po-anna");
        GovernedMilestone twoGovernors = new GovernedMilestone("mvp-ready", GATES, true, null, null, MilestoneState.ESCALATED, null,
                Quorum.of(2, List.of("product-owner", "platform-admin")));
        return Stream.of(
                row("a second governor approves", 0, null, approve(PO2, escalated, byAnna, "qa-lead-2")),
                row("platform-admin approves as a second person", 0, null, approve(ADMIN, escalated, byAnna, null)),
                row("never the requester, platform-admin included", 403, "you requested this force close; a second governor must decide it",
                        approve(actor("po-anna", "product-owner", "platform-admin"), escalated, byAnna, null)),
                row("never whoever escalated it", 403, "you escalated mvp-ready; a governor who did not must decide its force close",
                        approve(PO2, escalated, byAnna, "po-ben")),
                row("only the quorum's roles", 403, "to approve the force close of mvp-ready you need one of the roles product-owner, platform-admin",
                        approve(QA, escalated, byAnna, null)),
                row("the milestone moved meanwhile", 409, "force close needs the milestone Escalated; mvp-ready is Reached",
                        approve(PO2, milestone(MilestoneState.REACHED), byAnna, null)),
                row("a decided request", 409, "the force close of mvp-ready was already rejected by po-ben",
                        approve(ADMIN, escalated, new Bypass(11, Bypass.Kind.FORCE_CLOSE, Bypass.Status.REJECTED, "po-anna", List.of(), "po-ben", null),
                                null)),
                row("the same person twice", 409, "you already approved this force close; a product-owner or platform-admin must approve it too",
                        approve(PO2, twoGovernors, waiting(Bypass.Kind.FORCE_CLOSE, "po-anna", OverridePolicy.signature(PO2, NOW)), null)),
                row("an approval that fills no open seat", 409, "it has every approval it needs",
                        approve(ADMIN, escalated, waiting(Bypass.Kind.FORCE_CLOSE, "po-anna", OverridePolicy.signature(PO2, NOW)), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requesting")
    void requestingABypass(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("approving")
    void approvingABypass(String name, int status, String message, Supplier<Verdict> verdict) {
        assertVerdict(status, message, verdict);
    }
}
