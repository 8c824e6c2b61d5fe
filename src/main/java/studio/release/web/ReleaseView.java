package studio.release.web;

import java.util.List;
import studio.governance.ApprovalRequirement;
import studio.governance.ApprovalStatus;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;
import studio.milestone.MilestonePaths;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.document.PromotionTriggerConfirmed;
import studio.release.document.ReleaseFacts;
import studio.release.document.ReleaseNotes;
import studio.release.lifecycle.ReleaseState;
import studio.signing.DsseEnvelope;
import studio.web.ApiException;

/**
 * One release as every release screen shows it, read by {@link ReleaseListing}: the row, its facts (approvals of its
 * current content), every decision taken on it and where its approvals stand under its bound policy. Not a screen:
 * the dashboard's cards, the history's rows, the release page and the API's answers are made of it.
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

    /** The release's page. */
    public String path() {
        return ReleasePage.path(release.versionTag);
    }

    public String milestonePath() {
        return MilestonePaths.page(release.milestoneId);
    }

    /** The milestone's name, or its id when it has none. */
    public String milestoneTitle() {
        String name = facts.milestoneName();
        return name == null || name.isBlank() ? release.milestoneId : name;
    }

    /** "91.3%" or "no QA data". */
    public String coverageText() {
        return ReleaseNotes.percent(facts.qaCoverage());
    }

    /** The signed manifest; it exists once the release completed. */
    public DsseEnvelope manifest() {
        if (release.manifest == null) {
            throw ApiException.conflict("release " + release.versionTag + " is " + release.lifecycleState().label()
                    + "; its manifest is signed when CI reports it completed");
        }
        return ReleaseJson.envelope(release.manifest);
    }

    /** promotion-trigger-confirmed.yaml: what Studio handed to CI; it exists once the trigger was handed over. */
    public String promotionTriggerConfirmed() {
        if (release.triggeredAt == null) {
            throw ApiException.conflict("release " + release.versionTag + " is " + release.lifecycleState().label()
                    + "; it was not handed to CI yet");
        }
        return PromotionTriggerConfirmed.render(facts, policy, release.triggeredAt);
    }
}
