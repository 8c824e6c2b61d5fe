package studio.release.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import studio.format.Durations;
import studio.governance.ReleaseEnvironment;
import studio.release.document.ReleaseNotes;

/**
 * The release analytics (docs/spec/release-coordinator.md "Release Analytics View") as drawable charts: completed versus
 * failed releases per week, the median time from MilestoneReached to the release's completion per week and its median
 * and 90th percentile per environment, the features each recent version shipped, and QA coverage over recent
 * deployments. Pure geometry in a fixed {@value #WIDTH} x {@value #HEIGHT} view box, so the templates
 * only copy numbers into SVG attributes (no inline styles, no script), with a text table for every chart.
 */
public final class ReleaseCharts {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    static final double LEFT = 48;
    static final double RIGHT = 624;
    static final double TOP = 16;
    static final double BOTTOM = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    /** Releases that reached an outcome in one week (Monday, UTC). */
    public record WeekOutcome(LocalDate week, int completed, int failed) {}

    /** A completed release: where it went, when its milestone was reached and when CI reported it done. */
    public record LeadTime(String versionTag, String environment, Instant reachedAt, Instant completedAt) {
        Duration duration() {
            return Duration.between(reachedAt, completedAt);
        }
    }

    /** A released version (CI reported it done) and how many features it shipped. */
    public record VersionFeatures(String versionTag, String environment, Instant releasedAt, int features) {}

    /** A deployed release's QA coverage (null: no QA data). */
    public record CoveragePoint(String versionTag, Instant releasedAt, Double coverage) {}

    /** A rectangle; {@code kind} becomes its CSS class, {@code title} its tooltip and accessible name. */
    public record Bar(double x, double y, double width, double height, String kind, String title) {}

    /** A value line across the plot with its label. */
    public record Tick(double y, String label) {}

    /** A legend entry: the bar kind's swatch and what it means. */
    public record Key(String kind, String label) {}

    /** A label under the x axis. */
    public record XLabel(double x, String text) {}

    /** A point of a line chart. */
    public record Dot(double x, double y, String title) {}

    /** The same figures as text, for people who do not see the chart. */
    public record Table(List<String> header, List<List<String>> rows) {}

    public record Chart(String title, String description, List<Bar> bars, List<Tick> ticks, List<XLabel> labels, String line,
                        List<Dot> dots, Table table, List<Key> legend) {
        public boolean empty() {
            return table.rows().isEmpty();
        }
    }

    private ReleaseCharts() {}

    /** The Monday (UTC) of the week {@code at} falls in. */
    public static LocalDate week(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Every week from {@code first} to {@code last}, counts filled in, missing weeks at zero. */
    public static List<WeekOutcome> weeks(LocalDate first, LocalDate last, List<WeekOutcome> counted) {
        Map<LocalDate, WeekOutcome> byWeek = new TreeMap<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) byWeek.put(w, new WeekOutcome(w, 0, 0));
        for (WeekOutcome c : counted) {
            WeekOutcome had = byWeek.get(c.week());
            if (had != null) byWeek.put(c.week(), new WeekOutcome(c.week(), had.completed() + c.completed(), had.failed() + c.failed()));
        }
        return List.copyOf(byWeek.values());
    }

    public static Chart outcomes(List<WeekOutcome> weeks) {
        int max = weeks.stream().mapToInt(w -> Math.max(w.completed(), w.failed())).max().orElse(0);
        int top = niceCeiling(max);
        double slot = (RIGHT - LEFT) / Math.max(1, weeks.size());
        double barWidth = Math.max(2, slot * 0.35);
        List<Bar> bars = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            WeekOutcome w = weeks.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            String day = DAY.format(w.week());
            bars.add(bar(x, barWidth, w.completed(), top, "completed", "Week of " + day + ": " + w.completed() + " completed"));
            bars.add(bar(x + barWidth, barWidth, w.failed(), top, "failed", "Week of " + day + ": " + w.failed() + " failed or rolled back"));
            if (weeks.size() <= 8 || i % 2 == 0) labels.add(new XLabel(LEFT + i * slot + slot / 2, day));
            rows.add(List.of(w.week().toString(), String.valueOf(w.completed()), String.valueOf(w.failed())));
        }
        boolean none = weeks.stream().allMatch(w -> w.completed() == 0 && w.failed() == 0);
        int total = weeks.stream().mapToInt(WeekOutcome::completed).sum();
        int failed = weeks.stream().mapToInt(WeekOutcome::failed).sum();
        return new Chart("Completed and failed releases per week",
                total + " completed and " + failed + " failed or rolled back over " + weeks.size() + " weeks",
                bars, ticks(top, ""), labels, null, List.of(),
                new Table(List.of("Week (Monday, UTC)", "Completed", "Failed or rolled back"), none ? List.of() : rows),
                List.of(new Key("completed", "Completed"), new Key("failed", "Failed or rolled back")));
    }

    /** The median of {@code durations}; the mean of the two middle ones for an even count; null when there are none. */
    public static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) return null;
        List<Duration> sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** Per week of completion, the median time from MilestoneReached to completion, in hours. */
    public static Chart leadTimes(List<LocalDate> weeks, List<LeadTime> releases) {
        Map<LocalDate, List<Duration>> byWeek = new LinkedHashMap<>();
        weeks.forEach(w -> byWeek.put(w, new ArrayList<>()));
        for (LeadTime r : releases) {
            List<Duration> in = byWeek.get(week(r.completedAt()));
            if (in != null && !r.duration().isNegative()) in.add(r.duration());
        }
        double maxHours = byWeek.values().stream().map(ReleaseCharts::median).filter(d -> d != null).mapToDouble(ReleaseCharts::hours).max().orElse(0);
        int top = niceCeiling((int) Math.ceil(maxHours));
        double slot = (RIGHT - LEFT) / Math.max(1, weeks.size());
        List<Bar> bars = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, List<Duration>> e : byWeek.entrySet()) {
            Duration m = median(e.getValue());
            String day = DAY.format(e.getKey());
            if (m != null) {
                bars.add(bar(LEFT + i * slot + slot * 0.2, slot * 0.6, hours(m), top, "lead",
                        "Week of " + day + ": median " + Durations.spelled(m) + " over " + e.getValue().size() + " releases"));
                rows.add(List.of(e.getKey().toString(), Durations.spelled(m), String.valueOf(e.getValue().size())));
            }
            if (weeks.size() <= 8 || i % 2 == 0) labels.add(new XLabel(LEFT + i * slot + slot / 2, day));
            i++;
        }
        List<Duration> all = byWeek.values().stream().flatMap(List::stream).toList();
        Duration overall = median(all);
        String description = overall == null ? "No release completed in these weeks after its milestone was reached"
                : "Median " + Durations.spelled(overall) + " from MilestoneReached to ReleaseCompleted over " + all.size() + " releases";
        return new Chart("Median time from MilestoneReached to ReleaseCompleted (hours)", description, bars, ticks(top, " h"), labels, null,
                List.of(), new Table(List.of("Week (Monday, UTC)", "Median", "Releases"), rows), List.of());
    }

    /**
     * The 90th percentile of {@code durations} by nearest rank (the smallest duration at least 90% of them do not
     * exceed); null when there are none.
     */
    public static Duration p90(List<Duration> durations) {
        if (durations.isEmpty()) return null;
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
    }

    /**
     * Per environment (in lifecycle order: staging, qa, production), the median and 90th percentile time from
     * MilestoneReached to ReleaseCompleted of the releases given, in hours; an environment without any is left out.
     */
    public static Chart leadTimesByEnvironment(List<LeadTime> releases) {
        Map<String, List<Duration>> byEnvironment = new TreeMap<>(Comparator.comparing(ReleaseCharts::lifecycleOrder).thenComparing(e -> e));
        for (LeadTime r : releases) {
            if (!r.duration().isNegative()) byEnvironment.computeIfAbsent(r.environment(), e -> new ArrayList<>()).add(r.duration());
        }
        double maxHours = byEnvironment.values().stream().mapToDouble(d -> hours(p90(d))).max().orElse(0);
        int top = niceCeiling((int) Math.ceil(maxHours));
        double slot = (RIGHT - LEFT) / Math.max(1, byEnvironment.size());
        double barWidth = Math.min(60, slot * 0.35);
        List<Bar> bars = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> said = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Duration>> e : byEnvironment.entrySet()) {
            Duration median = median(e.getValue());
            Duration p90 = p90(e.getValue());
            double x = LEFT + i * slot + slot / 2 - barWidth;
            bars.add(bar(x, barWidth, hours(median), top, "lead", e.getKey() + ": median " + Durations.spelled(median)));
            bars.add(bar(x + barWidth, barWidth, hours(p90), top, "p90", e.getKey() + ": 90th percentile " + Durations.spelled(p90)));
            labels.add(new XLabel(LEFT + i * slot + slot / 2, e.getKey()));
            rows.add(List.of(e.getKey(), Durations.spelled(median), Durations.spelled(p90), String.valueOf(e.getValue().size())));
            said.add(e.getKey() + " median " + Durations.spelled(median) + ", p90 " + Durations.spelled(p90));
            i++;
        }
        String description = said.isEmpty() ? "No release completed in any environment in these weeks after its milestone was reached"
                : "From MilestoneReached to ReleaseCompleted: " + String.join("; ", said);
        return new Chart("Time from MilestoneReached to ReleaseCompleted per environment (hours)", description, bars, ticks(top, " h"), labels,
                null, List.of(), new Table(List.of("Environment", "Median", "90th percentile", "Releases"), rows),
                List.of(new Key("lead", "Median"), new Key("p90", "90th percentile")));
    }

    /** How many features each of the newest released versions shipped, oldest first. */
    public static Chart featuresPerVersion(List<VersionFeatures> versions) {
        List<VersionFeatures> ordered = versions.stream().sorted(Comparator.comparing(VersionFeatures::releasedAt)).toList();
        int top = niceCeiling(ordered.stream().mapToInt(VersionFeatures::features).max().orElse(0));
        double slot = (RIGHT - LEFT) / Math.max(1, ordered.size());
        List<Bar> bars = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            VersionFeatures v = ordered.get(i);
            bars.add(bar(LEFT + i * slot + slot * 0.2, slot * 0.6, v.features(), top, "features",
                    v.versionTag() + " (" + v.environment() + "): " + features(v.features())));
            // with many versions every other one is labelled, counting back from the newest, so that one always is
            if (ordered.size() <= 8 || (ordered.size() - 1 - i) % 2 == 0) labels.add(new XLabel(LEFT + i * slot + slot / 2, v.versionTag()));
            rows.add(List.of(v.versionTag(), v.environment(), v.releasedAt().toString(), String.valueOf(v.features())));
        }
        int total = ordered.stream().mapToInt(VersionFeatures::features).sum();
        String description = ordered.isEmpty() ? "No version released yet"
                : features(total) + " over the last " + ordered.size() + (ordered.size() == 1 ? " released version" : " released versions")
                + ", the newest " + ordered.get(ordered.size() - 1).versionTag() + " with " + features(ordered.get(ordered.size() - 1).features());
        return new Chart("Features per version", description, bars, ticks(top, ""), labels, null, List.of(),
                new Table(List.of("Version", "Environment", "Released at (UTC)", "Features"), rows), List.of());
    }

    private static String features(int n) {
        return n + (n == 1 ? " feature" : " features");
    }

    private static int lifecycleOrder(String environment) {
        try {
            return ReleaseEnvironment.parse(environment).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    /** QA coverage of recent deployments, oldest first, on a fixed 0..100% scale; releases without QA data are listed, not drawn. */
    public static Chart coverage(List<CoveragePoint> points) {
        List<CoveragePoint> ordered = points.stream().sorted(Comparator.comparing(CoveragePoint::releasedAt)).toList();
        List<CoveragePoint> known = ordered.stream().filter(p -> p.coverage() != null).toList();
        double step = known.size() <= 1 ? 0 : (RIGHT - LEFT) / (known.size() - 1);
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < known.size(); i++) {
            CoveragePoint p = known.get(i);
            double x = known.size() == 1 ? (LEFT + RIGHT) / 2 : LEFT + i * step;
            double y = y(Math.max(0, Math.min(100, p.coverage())), 100);
            dots.add(new Dot(round(x), round(y), p.versionTag() + ": " + ReleaseNotes.percent(p.coverage())));
            line.append(i == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        List<XLabel> labels = new ArrayList<>();
        if (!known.isEmpty()) {
            labels.add(new XLabel(dots.get(0).x(), known.get(0).versionTag()));
            if (known.size() > 1) labels.add(new XLabel(dots.get(dots.size() - 1).x(), known.get(known.size() - 1).versionTag()));
        }
        List<List<String>> rows = ordered.stream().map(p -> List.of(p.versionTag(), p.releasedAt().toString(), ReleaseNotes.percent(p.coverage()))).toList();
        String description = known.isEmpty() ? "No deployed release has QA data yet"
                : "QA coverage of the last " + known.size() + " deployed releases, from " + ReleaseNotes.percent(known.get(0).coverage()) + " to "
                + ReleaseNotes.percent(known.get(known.size() - 1).coverage());
        return new Chart("QA coverage over recent deployments", description, List.of(), ticks(100, "%"), labels,
                known.size() > 1 ? line.toString() : null, dots, new Table(List.of("Release", "Released at (UTC)", "QA coverage"), rows), List.of());
    }

    private static Bar bar(double x, double width, double value, int top, String kind, String title) {
        double y = y(value, top);
        return new Bar(round(x), round(y), round(width), round(BOTTOM - y), kind, title);
    }

    /** The y coordinate of {@code value} on a scale from 0 (bottom) to {@code top}. */
    static double y(double value, int top) {
        return top <= 0 ? BOTTOM : BOTTOM - (BOTTOM - TOP) * value / top;
    }

    /** Four grid lines: 0, a quarter, half, three quarters and the top. */
    private static List<Tick> ticks(int top, String unit) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4.0;
            String label = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
            ticks.add(new Tick(round(y(value, top)), label + unit));
        }
        return ticks;
    }

    /** The smallest of 4, 8, 20, 40, 100, 200, ... (divisible by 4, so ticks are whole) at or above {@code max}. */
    static int niceCeiling(int max) {
        if (max <= 4) return 4;
        int base = 1;
        while (true) {
            for (int m : new int[] {4, 8, 20}) {
                if (m * base >= max) return m * base;
            }
            base *= 10;
        }
    }

    private static double hours(Duration d) {
        return d.toMinutes() / 60.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
