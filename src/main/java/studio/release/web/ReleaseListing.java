package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.governance.ApprovalLedger;
import studio.governance.ApprovalStatus;
import studio.governance.ReleaseApproval;
import studio.governance.ReleasePolicy;
import studio.release.Release;
import studio.release.ReleaseRecords;
import studio.web.ApiException;

/**
 * How the release screens and the API read releases, each as a {@link ReleaseView}: one by its tag, a page of those
 * the filters match (newest first, keyset on (created_at, id), never OFFSET), or all of them (oldest first, for
 * release-history.csv). Two queries whatever the count: the releases, then every decision on them. Not a screen.
 */
@ApplicationScoped
public class ReleaseListing {

    /** Milestones the filters suggest, at most. */
    static final int MILESTONES = 200;

    /** One page of releases and the cursor of the next, null on the last page. */
    public record Page(List<ReleaseView> releases, String next) {}

    @Inject
    EntityManager em;
    @Inject
    ReleaseRecords records;

    /** @throws ApiException 404 for an unknown tag */
    public ReleaseView one(String tag) {
        Release r = records.find(tag);
        return view(r, records.approvals(r.id), Instant.now());
    }

    /** The version's newest deployment to {@code environment} (null: its newest); 404 for an unknown one. */
    public ReleaseView one(String tag, String environment) {
        Release r = records.find(tag, environment);
        return view(r, records.approvals(r.id), Instant.now());
    }

    /** Every deployment of the version, in the order they were made: its journey through the environments. */
    public List<ReleaseView> deployments(String tag) {
        return views(records.deployments(tag));
    }

    /**
     * Up to {@code limit} releases the filters match after the cursor {@code after} (null: from the newest).
     *
     * @throws ApiException 400 when a filter or the cursor is wrong
     */
    public Page page(ReleaseFilters f, String after, int limit) {
        List<Release> rows = matching(f, after, "order by createdAt desc, id desc").setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Release> page = more ? rows.subList(0, limit) : rows;
        return new Page(views(page), more ? ReleaseCursor.after(page.get(page.size() - 1)).text() : null);
    }

    /** Every release the filters match, oldest first. */
    public List<ReleaseView> all(ReleaseFilters f) {
        return views(matching(f, null, "order by createdAt, id").getResultList());
    }

    /** Milestones that have releases, for the filters' suggestions. */
    public List<String> milestones() {
        return em.createQuery("select distinct r.milestoneId from Release r order by r.milestoneId", String.class)
                .setMaxResults(MILESTONES).getResultList();
    }

    private List<ReleaseView> views(List<Release> releases) {
        Map<Long, List<ReleaseApproval>> decisions = records.approvalsOf(releases.stream().map(r -> r.id).toList());
        Instant now = Instant.now();
        return releases.stream().map(r -> view(r, decisions.getOrDefault(r.id, List.of()), now)).toList();
    }

    private ReleaseView view(Release r, List<ReleaseApproval> decisions, Instant now) {
        ReleasePolicy policy = records.policy(r);
        ApprovalStatus status = ApprovalLedger.evaluate(policy, r.requestedBy, decisions, r.contentHash, now);
        return new ReleaseView(r, records.facts(r, decisions), policy, decisions, status);
    }

    /**
     * The releases the filters match, and when {@code after} is a cursor, those after it; each condition with its
     * parameter. A JPA query rather than Panache's: its page() and range() always add OFFSET, where setMaxResults
     * keeps the keyset query free of it.
     */
    private TypedQuery<Release> matching(ReleaseFilters f, String after, String order) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where(where, params, "milestoneId = :milestone", "milestone", f.milestone());
        where(where, params, "environment = :environment", "environment", f.environmentFilter());
        where(where, params, "state = :state", "state", f.stateFilter());
        where(where, params, "createdAt >= :from", "from", f.fromInstant());
        where(where, params, "createdAt < :to", "to", f.toInstant());
        ReleaseCursor cursor = ReleaseCursor.parse(after);
        if (cursor != null) {
            where.add("(createdAt < :at or (createdAt = :at and id < :id))");
            params.put("at", cursor.createdAt());
            params.put("id", cursor.id());
        }
        TypedQuery<Release> query = em.createQuery("from Release" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " " + order, Release.class);
        params.forEach(query::setParameter);
        return query;
    }

    private static void where(List<String> where, Map<String, Object> params, String condition, String name, Object value) {
        if (value == null) return;
        where.add(condition);
        params.put(name, value);
    }
}
