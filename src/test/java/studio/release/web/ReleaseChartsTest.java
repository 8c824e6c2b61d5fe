package studio.release.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.format.Durations;
import studio.release.web.ReleaseCharts.Bar;
import studio.release.web.ReleaseCharts.Chart;
import studio.release.web.ReleaseCharts.CoveragePoint;
import studio.release.web.ReleaseCharts.LeadTime;
import studio.release.web.ReleaseCharts.VersionFeatures;
import studio.release.web.ReleaseCharts.WeekOutcome;

/** The analytics charts' figures and geometry, without Quarkus. */
class ReleaseChartsTest {

    static final LocalDate MON = LocalDate.parse("2025-05-12");

    @Test
    void theMedianOfAnOddCountIsTheMiddleOfAnEvenCountTheMeanOfTheTwoMiddleOnesOfNoneNothing() {
        assertAll(
                () -> assertEquals(Duration.ofHours(3), ReleaseCharts.median(List.of(Duration.ofHours(9), Duration.ofHours(1), Duration.ofHours(3)))),
                () -> assertEquals(Duration.ofHours(4), ReleaseCharts.median(List.of(Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(10),
                        Duration.ofHours(1)))),
                () -> assertEquals(Duration.ofMinutes(5), ReleaseCharts.median(List.of(Duration.ofMinutes(5)))),
                () -> assertNull(ReleaseCharts.median(List.of())));
    }

    @Test
    void weeksStartOnMondayInUtcAndMissingWeeksAreZero() {
        assertEquals(MON, ReleaseCharts.week(Instant.parse("2025-05-18T23:59:59Z")));
        assertEquals(MON.plusWeeks(1), ReleaseCharts.week(Instant.parse("2025-05-19T00:00:00Z")));
        List<WeekOutcome> weeks = ReleaseCharts.weeks(MON, MON.plusWeeks(2), List.of(new WeekOutcome(MON.plusWeeks(1), 2, 1),
                new WeekOutcome(MON.minusWeeks(5), 9, 9)));
        assertEquals(List.of(new WeekOutcome(MON, 0, 0), new WeekOutcome(MON.plusWeeks(1), 2, 1), new WeekOutcome(MON.plusWeeks(2), 0, 0)), weeks);
    }

    @Test
    void outcomeBarsAreAsTallAsTheirCountOnAScaleWithWholeTicks() {
        Chart c = ReleaseCharts.outcomes(List.of(new WeekOutcome(MON, 8, 2), new WeekOutcome(MON.plusWeeks(1), 0, 4)));
        List<Bar> bars = c.bars();
        assertEquals(4, bars.size());
        double full = ReleaseCharts.BOTTOM - ReleaseCharts.TOP;
        assertAll(
                () -> assertEquals(full, bars.get(0).height(), 0.1, "8 of a scale topping at 8"),
                () -> assertEquals(full / 4, bars.get(1).height(), 0.1),
                () -> assertEquals(0, bars.get(2).height(), 0.01, "no bar for zero"),
                () -> assertEquals("completed", bars.get(0).kind()),
                () -> assertEquals("failed", bars.get(1).kind()),
                () -> assertEquals(ReleaseCharts.BOTTOM, bars.get(1).y() + bars.get(1).height(), 0.1, "bars stand on the axis"),
                () -> assertEquals(List.of("0", "2", "4", "6", "8"), c.ticks().stream().map(ReleaseCharts.Tick::label).toList()),
                () -> assertEquals("Week of May 12: 8 completed", bars.get(0).title()),
                () -> assertEquals("8 completed and 6 failed or rolled back over 2 weeks", c.description()),
                () -> assertEquals(List.of("2025-05-12", "8", "2"), c.table().rows().get(0)));
    }

    @Test
    void weeksWithoutAnyOutcomeMakeAnEmptyTable() {
        Chart c = ReleaseCharts.outcomes(ReleaseCharts.weeks(MON, MON.plusWeeks(3), List.of()));
        assertTrue(c.empty());
        assertEquals(8, c.bars().size());
        assertTrue(c.bars().stream().allMatch(b -> b.height() == 0));
    }

    @Test
    void theScaleCeilingIsTheSmallestNiceNumberAtOrAboveTheMaximum() {
        assertAll(
                () -> assertEquals(4, ReleaseCharts.niceCeiling(0)),
                () -> assertEquals(4, ReleaseCharts.niceCeiling(4)),
                () -> assertEquals(8, ReleaseCharts.niceCeiling(5)),
                () -> assertEquals(20, ReleaseCharts.niceCeiling(9)),
                () -> assertEquals(40, ReleaseCharts.niceCeiling(21)),
                () -> assertEquals(200, ReleaseCharts.niceCeiling(81)));
    }

    @Test
    void leadTimesArePerWeekOfCompletionWithTheOverallMedianInTheDescription() {
        Instant reached = Instant.parse("2025-05-12T08:00:00Z");
        Chart c = ReleaseCharts.leadTimes(List.of(MON, MON.plusWeeks(1)), List.of(
                new LeadTime("a", "staging", reached, reached.plus(Duration.ofHours(2))),
                new LeadTime("b", "staging", reached, reached.plus(Duration.ofHours(6))),
                new LeadTime("c", "staging", reached, reached.plus(Duration.ofDays(7))),
                new LeadTime("clock skew", "staging", reached, reached.minusSeconds(5)),
                new LeadTime("too old", "staging", reached.minus(Duration.ofDays(30)), reached.minus(Duration.ofDays(29)))));
        assertEquals(2, c.bars().size(), "one bar per week with completions");
        assertEquals(List.of("2025-05-12", Durations.spelled(Duration.ofHours(4)), "2"), c.table().rows().get(0));
        assertEquals("Median " + Durations.spelled(Duration.ofHours(6)) + " from MilestoneReached to ReleaseCompleted over 3 releases", c.description());
        assertTrue(c.bars().get(1).height() > c.bars().get(0).height());
    }

    @Test
    void theP90IsTheNearestRankAtOrAboveNinetyPercent() {
        List<Duration> ten = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofHours).toList();
        assertAll(
                () -> assertEquals(Duration.ofHours(9), ReleaseCharts.p90(ten)),
                () -> assertEquals(Duration.ofHours(10), ReleaseCharts.p90(java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(Duration::ofHours).toList())),
                () -> assertEquals(Duration.ofMinutes(5), ReleaseCharts.p90(List.of(Duration.ofMinutes(5)))),
                () -> assertNull(ReleaseCharts.p90(List.of())));
    }

    @Test
    void leadTimesPerEnvironmentInLifecycleOrderWithMedianAndP90() {
        Instant reached = Instant.parse("2025-05-12T08:00:00Z");
        List<LeadTime> releases = new java.util.ArrayList<>();
        for (int h = 1; h <= 10; h++) releases.add(new LeadTime("p" + h, "production", reached, reached.plus(Duration.ofHours(h * 10L))));
        releases.add(new LeadTime("s1", "staging", reached, reached.plus(Duration.ofHours(1))));
        releases.add(new LeadTime("s2", "staging", reached, reached.plus(Duration.ofHours(3))));
        releases.add(new LeadTime("skew", "qa", reached, reached.minusSeconds(5)));
        Chart c = ReleaseCharts.leadTimesByEnvironment(releases);
        assertEquals(List.of(List.of("staging", "2h", "3h", "2"), List.of("production", "55h", "90h", "10")), c.table().rows(),
                "staging before production; a release finished before its milestone was reached (clock skew) is left out");
        assertEquals(4, c.bars().size(), "a median and a p90 bar per environment");
        assertEquals(List.of("lead", "p90", "lead", "p90"), c.bars().stream().map(Bar::kind).toList());
        assertEquals("production: 90th percentile 90h", c.bars().get(3).title());
        assertEquals((ReleaseCharts.BOTTOM - ReleaseCharts.TOP) * 90 / 200, c.bars().get(3).height(), 0.1, "90 h on a scale topping at 200 h");
        assertEquals(List.of("staging", "production"), c.labels().stream().map(ReleaseCharts.XLabel::text).toList());
        assertEquals("From MilestoneReached to ReleaseCompleted: staging median 2h, p90 3h; production median 55h, p90 90h", c.description());
        Chart none = ReleaseCharts.leadTimesByEnvironment(List.of());
        assertTrue(none.empty());
        assertEquals("No release completed in any environment in these weeks after its milestone was reached", none.description());
    }

    @Test
    void featuresPerVersionAreBarsOldestFirstWithTheNewestNamed() {
        Chart c = ReleaseCharts.featuresPerVersion(List.of(
                new VersionFeatures("v2.0.0", "production", Instant.parse("2025-05-14T00:00:00Z"), 3),
                new VersionFeatures("v1.0.0", "staging", Instant.parse("2025-05-01T00:00:00Z"), 8),
                new VersionFeatures("v1.1.0", "qa", Instant.parse("2025-05-07T00:00:00Z"), 0)));
        assertEquals(List.of(List.of("v1.0.0", "staging", "2025-05-01T00:00:00Z", "8"), List.of("v1.1.0", "qa", "2025-05-07T00:00:00Z", "0"),
                List.of("v2.0.0", "production", "2025-05-14T00:00:00Z", "3")), c.table().rows());
        double full = ReleaseCharts.BOTTOM - ReleaseCharts.TOP;
        assertEquals(full, c.bars().get(0).height(), 0.1, "8 of a scale topping at 8");
        assertEquals(0, c.bars().get(1).height(), 0.01);
        assertEquals("v2.0.0 (production): 3 features", c.bars().get(2).title());
        assertEquals("11 features over the last 3 released versions, the newest v2.0.0 with 3 features", c.description());
        assertEquals(List.of("v1.0.0", "v1.1.0", "v2.0.0"), c.labels().stream().map(ReleaseCharts.XLabel::text).toList());
        Chart none = ReleaseCharts.featuresPerVersion(List.of());
        assertTrue(none.empty());
        assertEquals("No version released yet", none.description());
    }

    @Test
    void coverageIsDrawnOldestFirstOnAFixedScaleAndUnknownCoverageIsListedNotDrawn() {
        Chart c = ReleaseCharts.coverage(List.of(
                new CoveragePoint("v3", Instant.parse("2025-05-14T00:00:00Z"), 100.0),
                new CoveragePoint("v1", Instant.parse("2025-05-01T00:00:00Z"), 50.0),
                new CoveragePoint("v2", Instant.parse("2025-05-07T00:00:00Z"), null)));
        assertEquals(2, c.dots().size());
        assertEquals("v1: 50.0%", c.dots().get(0).title());
        assertEquals(ReleaseCharts.TOP, c.dots().get(1).y(), 0.1, "100% at the top");
        assertEquals((ReleaseCharts.TOP + ReleaseCharts.BOTTOM) / 2, c.dots().get(0).y(), 0.1);
        assertEquals("48.0,108.0 624.0,16.0", c.line());
        assertEquals(List.of("v1", "v2", "v3"), c.table().rows().stream().map(r -> r.get(0)).toList());
        assertEquals("no QA data", c.table().rows().get(1).get(2));
        assertNull(ReleaseCharts.coverage(List.of()).line());
        assertEquals("No deployed release has QA data yet", ReleaseCharts.coverage(List.of()).description());
    }
}
