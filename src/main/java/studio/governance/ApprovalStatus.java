package studio.governance;

import java.util.List;

/** Where a release's approvals stand under its policy, with a sentence for people. */
public sealed interface ApprovalStatus {

    String sentence();

    /** An approval that does not count, and why ("given for other content: ..."). */
    record Discounted(ReleaseApproval approval, String why) {}

    /** {@code stillNeeded} more approvals for {@code requirement}. */
    record Missing(ApprovalRequirement requirement, int stillNeeded) {}

    record Satisfied(List<ReleaseApproval> counted, List<Discounted> discounted, String sentence) implements ApprovalStatus {}

    record Waiting(List<Missing> missing, List<ReleaseApproval> counted, List<Discounted> discounted, String sentence) implements ApprovalStatus {}

    /** Someone entitled to decide rejected the release: it stops. */
    record Rejected(ReleaseApproval rejection, String sentence) implements ApprovalStatus {}
}
