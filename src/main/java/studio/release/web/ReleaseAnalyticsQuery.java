package studio.release.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import studio.persistence.Rows;
import studio.release.web.ReleaseCharts.CoveragePoint;
import studio.release.web.ReleaseCharts.LeadTime;
import studio.release.web.ReleaseCharts.VersionFeatures;
import studio.release.web.ReleaseCharts.WeekOutcome;

/**
 * Reads the {@link ReleaseAnalytics} in four bounded queries: outcomes per week, lead times (the weekly and the
 * per-environment chart share them), features per version and coverage. The newest released versions and the
 * MilestoneReached before each come from indexes (V20__release_metrics.sql).
 */
@ApplicationScoped
public class ReleaseAnalyticsQuery {

    /** Deployments the coverage trend shows. */
    static final int COVERAGE_POINTS = 30;
    /** Completed releases the lead-time median is taken over, at most. */
    static final int LEAD_TIME_SAMPLE = 500;
    /** Released versions the features chart shows. */
    static final int FEATURE_VERSIONS = 12;

    @Inject
    EntityManager em;

    public ReleaseAnalytics read(Instant now) {
        Instant since = ReleaseAnalytics.since(now);
        return ReleaseAnalytics.of(now, outcomes(since), leadTimes(since), coverage(), featuresPerVersion());
    }

    /** Releases completed, and failed or rolled back, per week since {@code since}: one grouped query. */
    private List<WeekOutcome> outcomes(Instant since) {
        return Rows.list(em, """
                select cast(date_trunc('week', state_since at time zone 'UTC') as date) as week,
                       count(*) filter (where state = 'completed') as completed,
                       count(*) filter (where state in ('failed', 'rolled_back')) as failed
                from release where state in ('completed', 'failed', 'rolled_back') and state_since >= ?
                group by 1 order by 1""",
                r -> new WeekOutcome(r.date("week"), r.integer("completed"), r.integer("failed")), since);
    }

    /**
     * Releases CI completed since {@code since}, each with the newest MilestoneReached of its milestone before it
     * was released; a release whose milestone has none (force closed, say) is left out.
     */
    private List<LeadTime> leadTimes(Instant since) {
        List<LeadTime> released = Rows.list(em, """
                select r.version_tag, r.environment, r.released_at,
                       (select max(a.occurred_at) from audit_event a where a.type = 'MilestoneReached' and a.subject_type = 'milestone'
                          and a.subject_id = r.milestone_id and a.occurred_at <= r.released_at) as reached_at
                from release r where r.released_at is not null and r.released_at >= ?
                order by r.released_at desc limit ?""",
                r -> new LeadTime(r.text("version_tag"), r.text("environment"), r.instant("reached_at"), r.instant("released_at")), since,
                LEAD_TIME_SAMPLE);
        return released.stream().filter(t -> t.reachedAt() != null).toList();
    }

    /** The newest versions CI reported released (rolled back later or not), with the number of features each shipped. */
    private List<VersionFeatures> featuresPerVersion() {
        return Rows.list(em, """
                select version_tag, environment, released_at, coalesce(jsonb_array_length(facts -> 'features'), 0) as features
                from release where released_at is not null order by released_at desc, id desc limit ?""",
                r -> new VersionFeatures(r.text("version_tag"), r.text("environment"), r.instant("released_at"), r.integer("features")),
                FEATURE_VERSIONS);
    }

    /** The QA coverage of the newest deployed releases. */
    private List<CoveragePoint> coverage() {
        return Rows.list(em, """
                select version_tag, released_at, cast(facts ->> 'qaCoverage' as double precision) as qa_coverage
                from release where released_at is not null order by released_at desc, id desc limit ?""",
                r -> new CoveragePoint(r.text("version_tag"), r.instant("released_at"), r.decimal("qa_coverage")), COVERAGE_POINTS);
    }
}
