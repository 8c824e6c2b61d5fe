package studio.release.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import studio.governance.ApprovalStatus;
import studio.governance.DeploymentRules;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.document.ReleaseMetadata;

/**
 * Feeds the JSON API ({@code /api/releases}, {@link ReleasesApi}): a release as release-metadata.json with what the API
 * adds (trigger, requester, times, content hash, decisions and approval status), and a page of them. The release
 * page shows the same document.
 */
public final class ReleaseApiJson {

    private ReleaseApiJson() {}

    /**
     * Adds {@code signals} when the deployment waits for some: {"awaits": [..], "waiting_for": [..], "newest": [{"gate",
     * "passed", "reported_at"}]}: what CI must report passing before its ReleaseCompleted may complete it.
     */
    public static ObjectNode withSignals(ObjectNode n, Release r, Map<String, DeploymentRules.Report> newest) {
        List<String> awaits = r.awaitedSignals();
        if (awaits.isEmpty()) return n;
        ObjectNode s = n.putObject("signals");
        awaits.forEach(s.putArray("awaits")::add);
        DeploymentRules.waitingFor(awaits, newest, r.signalsAfter).forEach(s.putArray("waiting_for")::add);
        ArrayNode reports = s.putArray("newest");
        newest.values().forEach(x -> reports.addObject().put("gate", x.gate()).put("passed", x.passed()).put("reported_at", x.at().toString()));
        return n;
    }

    public static ObjectNode of(ReleaseView v) {
        Release r = v.release();
        ObjectNode n = ReleaseMetadata.tree(v.facts());
        n.put("hotfix_of", r.hotfixOf).put("hotfix_justification", r.hotfixJustification);
        n.put("trigger", r.trigger).put("requested_by", r.requestedBy).put("created_at", r.createdAt.toString())
                .put("state_since", r.stateSince.toString()).put("content_hash", r.contentHash).put("reason", r.lastReason)
                .put("retry_count", r.retryCount);
        if (r.maxRetries != null) n.put("max_retries", r.maxRetries);
        if (r.scheduledFor != null) n.put("scheduled_for", r.scheduledFor.toString()).put("scheduled_by", r.scheduledBy);
        ArrayNode targets = n.putArray("promotion_targets");
        v.facts().promotionTargets().forEach(targets::add);
        ObjectNode approvals = n.putObject("approval_status");
        approvals.put("satisfied", v.approvals() instanceof ApprovalStatus.Satisfied).put("approvals", v.approvalCount())
                .put("summary", v.approvals().sentence()).put("policy", v.policy().describe());
        ArrayNode decisions = n.putArray("decisions");
        v.decisions().forEach(a -> decisions.addObject().put("approver", a.approver()).put("role", a.role()).put("decision", a.decision().json())
                .put("reason", a.reason()).put("decided_at", a.at().toString()).put("expires_at", a.expiresAt() == null ? null : a.expiresAt().toString())
                .put("content_hash", a.contentHash()).put("current", a.contentHash().equals(r.contentHash)));
        return n;
    }

    /**
     * {@link #of} with the version's {@code deployments}: each environment it went to, its state, approvals and times,
     * in the order they were made (docs/API.md "Environments and promotions").
     */
    public static ObjectNode of(ReleaseView v, java.util.List<ReleaseView> deployments) {
        ObjectNode n = of(v);
        ArrayNode all = n.putArray("deployments");
        for (ReleaseView d : deployments) {
            Release r = d.release();
            ObjectNode o = all.addObject().put("environment", r.environment).put("status", d.state().json()).put("requested_by", r.requestedBy)
                    .put("trigger", r.trigger).put("created_at", r.createdAt.toString()).put("state_since", r.stateSince.toString())
                    .put("released_at", r.releasedAt == null ? null : r.releasedAt.toString()).put("content_hash", r.contentHash)
                    .put("approvals", d.approvalCount()).put("approval_summary", d.approvals().sentence()).put("policy", d.policy().describe())
                    .put("reason", r.lastReason).put("hotfix_of", r.hotfixOf);
            o.put("promoted_from", deployments.stream().filter(f -> f.release().id.equals(r.promotedFrom)).findFirst()
                    .map(f -> f.release().environment).orElse(null));
        }
        return n;
    }

    /** A page of releases and the cursor of the next ({@code next}: null on the last page). */
    public static ObjectNode page(ReleaseListing.Page page) {
        ObjectNode body = ReleaseJson.JSON.createObjectNode();
        ArrayNode all = body.putArray("releases");
        page.releases().forEach(v -> all.add(of(v)));
        body.put("next", page.next());
        return body;
    }
}
