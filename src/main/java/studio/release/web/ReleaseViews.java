package studio.release.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import studio.governance.ApprovalLedger;
import studio.governance.ApprovalStatus;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;
import studio.release.Release;
import studio.release.ReleaseJson;
import studio.release.ReleaseRecords;
import studio.release.document.PromotionTriggerConfirmed;
import studio.release.document.ReleaseMetadata;
import studio.release.web.ReleaseListing.Cursor;
import studio.signing.DsseEnvelope;
import studio.web.ApiException;

/**
 * Read models of releases: one release with its decisions, pages of releases newest first (keyset, two queries a
 * page whatever its size), the whole history, and the release's documents.
 */
@ApplicationScoped
public class ReleaseViews {

    /** One page of releases and the cursor of the next, null on the last page. */
    public record Page(List<ReleaseView> releases, String next) {}

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;

    public ReleaseView view(String tag) {
        Release r = records.find(tag);
        return view(r, records.approvals(r.id));
    }

    ReleaseView view(Release r, List<ReleaseApproval> decisions) {
        ReleasePolicy policy = records.policy(r);
        ApprovalStatus status = ApprovalLedger.evaluate(policy, r.requestedBy, decisions, r.contentHash, Instant.now());
        return new ReleaseView(r, records.facts(r, decisions), policy, decisions, status);
    }

    public Page page(ReleaseListing q) {
        List<Release> rows = query(q, "order by r.createdAt desc, r.id desc").setMaxResults(q.limit() + 1).getResultList();
        boolean more = rows.size() > q.limit();
        List<Release> page = more ? rows.subList(0, q.limit()) : rows;
        return new Page(views(page), more ? ReleaseListing.cursorOf(page.get(page.size() - 1)) : null);
    }

    /** Every release the filters match, oldest first (release-history.csv). */
    public List<ReleaseView> history(ReleaseListing q) {
        return views(query(q, "order by r.createdAt, r.id").getResultList());
    }

    private List<ReleaseView> views(List<Release> releases) {
        Map<Long, List<ReleaseApproval>> decisions = records.approvalsOf(releases.stream().map(r -> r.id).toList());
        return releases.stream().map(r -> view(r, decisions.getOrDefault(r.id, List.of()))).toList();
    }

    private TypedQuery<Release> query(ReleaseListing q, String order) {
        StringBuilder jpql = new StringBuilder("from Release r where 1 = 1");
        if (q.milestone() != null) jpql.append(" and r.milestoneId = :milestone");
        if (q.environment() != null) jpql.append(" and r.environment = :environment");
        if (q.status() != null) jpql.append(" and r.state = :status");
        Cursor after = q.after() == null ? null : ReleaseListing.cursor(q.after());
        if (after != null) jpql.append(" and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))");
        TypedQuery<Release> query = em.createQuery(jpql.append(' ').append(order).toString(), Release.class);
        if (q.milestone() != null) query.setParameter("milestone", q.milestone());
        if (q.environment() != null) query.setParameter("environment", q.environment());
        if (q.status() != null) query.setParameter("status", q.status());
        if (after != null) query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        return query;
    }

    /** The signed manifest; it exists once the release completed. */
    public DsseEnvelope manifest(Release r) {
        if (r.manifest == null) {
            throw ApiException.conflict("release " + r.versionTag + " is " + r.lifecycleState().label()
                    + "; its manifest is signed when CI reports it completed");
        }
        return ReleaseJson.envelope(r.manifest);
    }

    /** promotion-trigger-confirmed.yaml: what Studio handed to CI; it exists once the trigger was handed over. */
    public String promotionTriggerConfirmed(ReleaseView v) {
        Release r = v.release();
        if (r.triggeredAt == null) {
            throw ApiException.conflict("release " + r.versionTag + " is " + r.lifecycleState().label() + "; it was not handed to CI yet");
        }
        return PromotionTriggerConfirmed.render(v.facts(), v.policy(), r.triggeredAt);
    }

    /** release-metadata.json with what the API adds: trigger, requester, times, content hash, decisions and approval status. */
    public static ObjectNode json(ReleaseView v) {
        Release r = v.release();
        ObjectNode n = ReleaseMetadata.tree(v.facts());
        n.put("trigger", r.trigger).put("requested_by", r.requestedBy).put("created_at", r.createdAt.toString())
                .put("state_since", r.stateSince.toString()).put("content_hash", r.contentHash).put("reason", r.lastReason);
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
}
