package studio.release.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import studio.release.web.ReleaseCharts.Chart;
import studio.release.web.ReleaseCharts.CoveragePoint;
import studio.release.web.ReleaseCharts.LeadTime;
import studio.release.web.ReleaseCharts.VersionFeatures;
import studio.release.web.ReleaseCharts.WeekOutcome;

/**
 * Feeds the release analytics ({@code /releases/analytics}), read by {@link ReleaseAnalyticsQuery}: over the last
 * {@value #WEEKS} weeks, completed versus failed releases per week, the time from MilestoneReached to completion
 * (median per week; median and 90th percentile per environment), the features each of the newest released versions
 * shipped, and the QA coverage of recent deployments, drawn by {@link ReleaseCharts}.
 *
 * @param since the first Monday shown (00:00 UTC)
 */
public record ReleaseAnalytics(List<Chart> charts, Instant since) {

    /** Weeks the analytics look back, this one included. */
    public static final int WEEKS = 12;

    /** The first Monday the analytics show at {@code now}, 00:00 UTC: what they count from. */
    public static Instant since(Instant now) {
        return firstWeek(now).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate firstWeek(Instant now) {
        return ReleaseCharts.week(now).minusWeeks(WEEKS - 1);
    }

    /** The charts of the weeks up to {@code now}'s, from the figures counted {@link #since} then. */
    public static ReleaseAnalytics of(Instant now, List<WeekOutcome> outcomes, List<LeadTime> leadTimes, List<CoveragePoint> coverage,
                                      List<VersionFeatures> features) {
        LocalDate first = firstWeek(now);
        LocalDate last = ReleaseCharts.week(now);
        List<LocalDate> weeks = ReleaseCharts.weeks(first, last, List.of()).stream().map(WeekOutcome::week).toList();
        Instant since = since(now);
        List<LeadTime> inWeeks = leadTimes.stream().filter(t -> !t.completedAt().isBefore(since)).toList();
        return new ReleaseAnalytics(List.of(ReleaseCharts.outcomes(ReleaseCharts.weeks(first, last, outcomes)),
                ReleaseCharts.leadTimes(weeks, leadTimes), ReleaseCharts.leadTimesByEnvironment(inWeeks),
                ReleaseCharts.featuresPerVersion(features), ReleaseCharts.coverage(coverage)), since);
    }
}
