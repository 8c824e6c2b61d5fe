package studio.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The review a completed hotfix waits for (docs/API.md "Hotfixes"): due {@link studio.governance.HotfixPolicy#REVIEW_WITHIN}
 * after it completed, done once someone other than its requester wrote what they found.
 *
 * @param versionTag    the hotfix's version
 * @param hotfixOf      the version it fixes
 * @param reviewedRoles the reviewer's roles (null while open)
 */
public record HotfixReview(long releaseId, String versionTag, String hotfixOf, Instant dueAt, String status, String reviewedBy,
                           List<String> reviewedRoles, Instant reviewedAt, String notes) {

    public boolean done() {
        return "done".equals(status);
    }

    /** open, overdue (open after its due time) or done: what the page's chip says. */
    public String state(Instant now) {
        if (done()) return "done";
        return now.isAfter(dueAt) ? "overdue" : "open";
    }

    /** {@link #state} now, as a list of open reviews shows it. */
    public String stateNow() {
        return state(Instant.now());
    }

    /** The hotfix's page. */
    public String path() {
        return "/releases/" + studio.milestone.MilestonePaths.segment(versionTag);
    }

    /** The review as the API shows it ({@code hotfix_review}). */
    public void writeTo(ObjectNode n, Instant now) {
        ObjectNode o = n.putObject("hotfix_review").put("status", status).put("state", state(now)).put("due_at", dueAt.toString())
                .put("reviewed_by", reviewedBy).put("reviewed_at", reviewedAt == null ? null : reviewedAt.toString()).put("notes", notes);
        var roles = o.putArray("reviewed_roles");
        if (reviewedRoles != null) reviewedRoles.forEach(roles::add);
    }
}
