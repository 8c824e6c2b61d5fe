package studio.release.web;

import java.util.List;
import studio.governance.ApprovalRequirement;
import studio.governance.ApprovalStatus;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;
import studio.release.Release;
import studio.release.document.ReleaseFacts;
import studio.release.lifecycle.ReleaseState;

/**
 * One release as pages and the API show it: the row, its facts (approvals of its current content), every decision
 * taken on it and where its approvals stand under its bound policy.
 */
public record ReleaseView(Release release, ReleaseFacts facts, ReleasePolicy policy, List<ReleaseApproval> decisions, ApprovalStatus approvals) {

    public ReleaseView {
        decisions = List.copyOf(decisions);
    }

    public ReleaseState state() {
        return facts.state();
    }

    /** "1/2": approvals that count over approvals the policy needs; "—" when it needs none. */
    public String approvalCount() {
        int needed = policy.requirements().stream().mapToInt(ApprovalRequirement::count).sum();
        if (needed == 0) return "—";
        int counted = approvals instanceof ApprovalStatus.Satisfied s ? s.counted().size()
                : approvals instanceof ApprovalStatus.Waiting w ? w.counted().size() : 0;
        return Math.min(counted, needed) + "/" + needed;
    }
}
