package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.governance.ReleaseApproval;
import studio.release.Release;
import studio.release.ReleaseRecords;
import studio.release.document.ReleaseFacts;
import studio.release.web.ReleaseCharts.CoveragePoint;
import studio.release.web.ReleaseCharts.LeadTime;
import studio.release.web.ReleaseCharts.WeekOutcome;

/**
 * What the release history and analytics pages read, each in a fixed number of bounded queries: pages of releases
 * with the history's filters (the backend's listing plus a time range; keyset on (created_at, id), never OFFSET),
 * every release those filters match (for the CSV), and the figures behind the charts.
 */
@ApplicationScoped
public class ReleaseArchive {

    /** Weeks the analytics look back, this one included. */
    public static final int WEEKS = 12;
    /** Deployments the coverage trend shows. */
    public static final int COVERAGE_POINTS = 30;
    /** Completed releases the lead-time median is taken over, at most. */
    static final int LEAD_TIME_SAMPLE = 500;

    @Inject
    EntityManager em;
    @Inject
    ReleaseViews views;
    @Inject
    ReleaseRecords records;

    /** One page of the history, newest first. */
    public ReleaseViews.Page page(ReleaseFilters f, String after, int limit) {
        ReleaseListing q = f.listing(after, limit);
        List<Release> rows = query(f, q, "order by r.createdAt desc, r.id desc").setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Release> page = more ? rows.subList(0, limit) : rows;
        return new ReleaseViews.Page(views(page), more ? ReleaseListing.cursorOf(page.get(page.size() - 1)) : null);
    }

    /** Every release the filters match, oldest first: release-history.csv of what the table shows. */
    public List<ReleaseFacts> all(ReleaseFilters f) {
        return views(query(f, f.listing(null, 1), "order by r.createdAt, r.id").getResultList()).stream().map(ReleaseView::facts).toList();
    }

    /** Milestones that have releases, for the filters' suggestions. */
    public List<String> milestones() {
        return em.createQuery("select distinct r.milestoneId from Release r order by r.milestoneId", String.class).setMaxResults(200).getResultList();
    }

    private List<ReleaseView> views(List<Release> releases) {
        Map<Long, List<ReleaseApproval>> decisions = records.approvalsOf(releases.stream().map(r -> r.id).toList());
        return releases.stream().map(r -> views.view(r, decisions.getOrDefault(r.id, List.of()))).toList();
    }

    private TypedQuery<Release> query(ReleaseFilters f, ReleaseListing q, String order) {
        StringBuilder jpql = new StringBuilder("from Release r where 1 = 1");
        if (q.milestone() != null) jpql.append(" and r.milestoneId = :milestone");
        if (q.environment() != null) jpql.append(" and r.environment = :environment");
        if (q.status() != null) jpql.append(" and r.state = :status");
        Instant from = f.fromInstant();
        Instant to = f.toInstant();
        if (from != null) jpql.append(" and r.createdAt >= :from");
        if (to != null) jpql.append(" and r.createdAt < :to");
        ReleaseListing.Cursor after = q.after() == null ? null : ReleaseListing.cursor(q.after());
        if (after != null) jpql.append(" and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))");
        TypedQuery<Release> query = em.createQuery(jpql.append(' ').append(order).toString(), Release.class);
        if (q.milestone() != null) query.setParameter("milestone", q.milestone());
        if (q.environment() != null) query.setParameter("environment", q.environment());
        if (q.status() != null) query.setParameter("status", q.status());
        if (from != null) query.setParameter("from", from);
        if (to != null) query.setParameter("to", to);
        if (after != null) query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        return query;
    }

    /** The first Monday the analytics show. */
    public static LocalDate firstWeek(Instant now) {
        return ReleaseCharts.week(now).minusWeeks(WEEKS - 1);
    }

    /** Releases completed, and failed or rolled back, per week since {@code since}: one grouped query. */
    @SuppressWarnings("unchecked")
    public List<WeekOutcome> outcomes(LocalDate since) {
        List<Object[]> rows = em.createNativeQuery("""
                select cast(date_trunc('week', state_since at time zone 'UTC') as date) as week,
                       count(*) filter (where state = 'completed'), count(*) filter (where state in ('failed', 'rolled_back'))
                from release where state in ('completed', 'failed', 'rolled_back') and state_since >= ?1
                group by 1 order by 1""").setParameter(1, since.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)).getResultList();
        List<WeekOutcome> out = new ArrayList<>();
        for (Object[] r : rows) out.add(new WeekOutcome(localDate(r[0]), ((Number) r[1]).intValue(), ((Number) r[2]).intValue()));
        return out;
    }

    /**
     * Releases CI completed since {@code since}, each with the newest MilestoneReached of its milestone before it
     * was released; a release whose milestone has none (force closed, say) is left out.
     */
    @SuppressWarnings("unchecked")
    public List<LeadTime> leadTimes(LocalDate since) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.version_tag, r.released_at,
                       (select max(a.occurred_at) from audit_event a where a.type = 'MilestoneReached' and a.subject_type = 'milestone'
                          and a.subject_id = r.milestone_id and a.occurred_at <= r.released_at) as reached_at
                from release r where r.released_at is not null and r.released_at >= ?1
                order by r.released_at desc limit ?2""")
                .setParameter(1, since.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)).setParameter(2, LEAD_TIME_SAMPLE).getResultList();
        List<LeadTime> out = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[2] != null) out.add(new LeadTime((String) r[0], (Instant) r[2], (Instant) r[1]));
        }
        return out;
    }

    /** The QA coverage of the newest deployed releases. */
    @SuppressWarnings("unchecked")
    public List<CoveragePoint> coverage() {
        List<Object[]> rows = em.createNativeQuery("""
                select version_tag, released_at, cast(facts ->> 'qaCoverage' as double precision)
                from release where released_at is not null order by released_at desc, id desc limit ?1""")
                .setParameter(1, COVERAGE_POINTS).getResultList();
        return rows.stream().map(r -> new CoveragePoint((String) r[0], (Instant) r[1], r[2] == null ? null : ((Number) r[2]).doubleValue())).toList();
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) return d;
        if (value instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
