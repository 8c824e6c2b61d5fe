package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.release.web.ReleaseCharts.Chart;
import studio.release.web.ReleaseCharts.CoveragePoint;
import studio.release.web.ReleaseCharts.LeadTime;
import studio.release.web.ReleaseCharts.VersionFeatures;
import studio.release.web.ReleaseCharts.WeekOutcome;

/** The analytics screen from the figures its query counts, without Quarkus. */
class ReleaseAnalyticsTest {

    /** A Wednesday. */
    static final Instant NOW = Instant.parse("2025-05-14T17:00:00Z");

    @Test
    void theAnalyticsCountFromTheMondayElevenWeeksBeforeThisOne() {
        assertEquals(Instant.parse("2025-02-24T00:00:00Z"), ReleaseAnalytics.since(NOW));
        assertEquals(ReleaseAnalytics.since(NOW), ReleaseAnalytics.of(NOW, List.of(), List.of(), List.of(), List.of()).since());
    }

    @Test
    void fiveChartsOutcomesLeadTimesFeaturesAndCoverageOverTwelveWeeks() {
        ReleaseAnalytics a = ReleaseAnalytics.of(NOW,
                List.of(new WeekOutcome(LocalDate.parse("2025-05-12"), 2, 1), new WeekOutcome(LocalDate.parse("2025-01-06"), 5, 5)),
                List.of(new LeadTime("v1", "production", Instant.parse("2025-05-12T08:00:00Z"), Instant.parse("2025-05-12T14:00:00Z")),
                        new LeadTime("v0", "production", Instant.parse("2025-01-06T08:00:00Z"), Instant.parse("2025-01-07T08:00:00Z"))),
                List.of(new CoveragePoint("v1", Instant.parse("2025-05-12T14:00:00Z"), 91.3)),
                List.of(new VersionFeatures("v1", "production", Instant.parse("2025-05-12T14:00:00Z"), 2)));
        List<Chart> charts = a.charts();
        assertEquals(List.of("Completed and failed releases per week", "Median time from MilestoneReached to ReleaseCompleted (hours)",
                "Time from MilestoneReached to ReleaseCompleted per environment (hours)", "Features per version",
                "QA coverage over recent deployments"), charts.stream().map(Chart::title).toList());
        assertEquals("2 completed and 1 failed or rolled back over 12 weeks", charts.get(0).description(), "weeks before the first are not counted");
        assertEquals(12, charts.get(0).table().rows().size());
        assertEquals("2025-02-24", charts.get(0).table().rows().get(0).get(0));
        assertEquals("Median 6h from MilestoneReached to ReleaseCompleted over 1 releases", charts.get(1).description());
        assertEquals("From MilestoneReached to ReleaseCompleted: production median 6h, p90 6h", charts.get(2).description(),
                "a release completed before the weeks shown is not counted");
        assertEquals("2 features over the last 1 released version, the newest v1 with 2 features", charts.get(3).description());
        assertEquals("QA coverage of the last 1 deployed releases, from 91.3% to 91.3%", charts.get(4).description());
    }

    @Test
    void withoutReleasesEveryChartSaysSo() {
        List<Chart> charts = ReleaseAnalytics.of(NOW, List.of(), List.of(), List.of(), List.of()).charts();
        assertEquals(true, charts.get(0).empty());
        assertEquals("No release completed in these weeks after its milestone was reached", charts.get(1).description());
        assertEquals("No release completed in any environment in these weeks after its milestone was reached", charts.get(2).description());
        assertEquals("No version released yet", charts.get(3).description());
        assertEquals("No deployed release has QA data yet", charts.get(4).description());
    }
}
