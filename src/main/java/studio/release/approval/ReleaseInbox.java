package studio.release.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import studio.governance.Actor;
import studio.governance.ApprovalLedger;
import studio.governance.ApprovalRequest;
import studio.governance.ApprovalStatus;
import studio.governance.ApprovalVerdict;
import studio.governance.ReleaseApproval;
import studio.governance.ReleaseApproval.Decision;
import studio.release.Release;
import studio.release.ReleaseRecords;

/**
 * Feeds the approvals inbox ({@code /approvals}) and its badge: the releases waiting for the signed-in person's
 * approval, in two bounded queries (paused releases, their decisions), then the pure {@link ApprovalLedger} keeps
 * those this person could approve now (not their own, a role the policy still needs, not approved by them already).
 */
@ApplicationScoped
public class ReleaseInbox {

    /**
     * One release awaiting this person: what, for where, asked by whom, since when, where approvals stand, and when its
     * approval timeout aborts it (null: no timeout).
     */
    public record Item(String versionTag, String milestoneId, String environment, String requestedBy, Instant waitingSince,
                       String approvals, String path, Instant abortsAt) {}

    static final int LIMIT = 200;

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;

    /** The oldest {@value #LIMIT} paused releases at most; a JPA query, as Panache's page() would add OFFSET. */
    public List<Item> awaiting(Actor actor) {
        return awaiting(actor, paused(actor.name()), Instant.now());
    }

    /** What each of {@code people} may approve now: the paused releases read once, each person judged in memory. */
    public Map<String, List<Item>> awaitingEach(List<Actor> people) {
        Map<String, List<Item>> out = new java.util.LinkedHashMap<>();
        if (people.isEmpty()) return out;
        Paused all = paused("");
        Instant now = Instant.now();
        for (Actor person : people) out.put(person.name(), awaiting(person, all, now));
        return out;
    }

    /** Paused releases (not requested by {@code notBy}) with their decisions so far. */
    private record Paused(List<Release> releases, Map<Long, List<ReleaseApproval>> decisions) {}

    private Paused paused(String notBy) {
        List<Release> paused = em.createQuery("""
                from Release r where r.state = 'paused_for_approval' and r.requestedBy <> :me order by r.stateSince, r.id""", Release.class)
                .setParameter("me", notBy).setMaxResults(LIMIT).getResultList();
        return new Paused(paused, paused.isEmpty() ? Map.of() : records.approvalsOf(paused.stream().map(r -> r.id).toList()));
    }

    private List<Item> awaiting(Actor actor, Paused p, Instant now) {
        return p.releases().stream().filter(r -> mayApprove(r, p.decisions().getOrDefault(r.id, List.of()), actor, now))
                .map(r -> item(r, p.decisions().getOrDefault(r.id, List.of()), now)).toList();
    }

    private boolean mayApprove(Release r, List<ReleaseApproval> decisions, Actor actor, Instant now) {
        var request = new ApprovalRequest(actor, Decision.APPROVED, null, "inbox");
        return ApprovalLedger.check(records.policy(r), r.requestedBy, decisions, r.contentHash, now, request) instanceof ApprovalVerdict.Accepted;
    }

    private Item item(Release r, List<ReleaseApproval> decisions, Instant now) {
        ApprovalStatus status = ApprovalLedger.evaluate(records.policy(r), r.requestedBy, decisions, r.contentHash, now);
        Instant abortsAt = r.approvalTimeoutSeconds == null || r.approvalTimeoutSeconds <= 0 ? null : r.stateSince.plusSeconds(r.approvalTimeoutSeconds);
        return new Item(r.versionTag, r.milestoneId, r.environment, r.requestedBy, r.stateSince, status.sentence(), "/releases/" + r.versionTag,
                abortsAt);
    }
}
