package studio.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studio.report.TimelineQuery.MilestoneRow;
import studio.report.TimelineQuery.SprintRow;

/**
 * The timeline drawn as server-side SVG: one band per milestone (its line from when it was defined to when it was
 * reached, or to now; its target date as a diamond) and one bar per contributing sprint (started..closed, a running one
 * to now), the time axis with its ticks and a "today" line. Pure: rows and the moment in, coordinates out.
 */
public record TimelineChart(int width, int height, int plotLeft, int plotRight, List<Tick> ticks, double todayX, String today,
                            List<Band> bands) {

    static final int WIDTH = 1100;
    static final int LEFT = 260;
    static final int RIGHT = 20;
    static final int TOP = 34;
    static final int ROW = 26;
    static final int TICKS = 6;

    public record Tick(double x, String label) {}

    /**
     * One drawn row. For a sprint without a start, {@code x1 == x2} and {@code note} says it has not started.
     *
     * @param kind "milestone" or "sprint"
     * @param risk why the row is at risk, null when it is not
     */
    public record Band(String kind, String id, String label, String href, double y, double x1, double x2, boolean running,
                       Double targetX, String target, Double reachedX, String state, String risk, String note) {

        public boolean milestone() {
            return "milestone".equals(kind);
        }

        public double barWidth() {
            return Math.max(2, x2 - x1);
        }

        public double textY() {
            return y + 4;
        }

        public double barTop() {
            return y - 7;
        }

        /** The target date's diamond, centred on the row at the target. */
        public String targetPath() {
            return targetX == null ? "" : "M" + targetX + " " + (y - 7) + " l7 7 l-7 7 l-7 -7 z";
        }
    }

    public static TimelineChart of(List<MilestoneRow> milestones, List<SprintRow> sprints, Instant now) {
        Map<String, List<SprintRow>> byMilestone = new LinkedHashMap<>();
        sprints.forEach(s -> byMilestone.computeIfAbsent(s.milestoneId(), k -> new ArrayList<>()).add(s));
        Instant[] range = range(milestones, sprints, now);
        Scale scale = new Scale(range[0], range[1], LEFT, WIDTH - RIGHT);
        List<Band> bands = new ArrayList<>();
        double y = TOP;
        for (MilestoneRow m : milestones) {
            bands.add(milestone(m, scale, y, now));
            y += ROW;
            for (SprintRow s : byMilestone.getOrDefault(m.id(), List.of())) {
                bands.add(sprint(s, scale, y, now));
                y += ROW;
            }
        }
        return new TimelineChart(WIDTH, (int) y + 10, LEFT, WIDTH - RIGHT, ticks(scale), scale.x(now),
                LocalDate.ofInstant(now, ZoneOffset.UTC).toString(), bands);
    }

    private static Band milestone(MilestoneRow m, Scale scale, double y, Instant now) {
        Instant end = m.reachedAt() != null ? m.reachedAt() : now;
        Double targetX = m.targetDate() == null ? null : scale.x(start(m.targetDate()));
        String risk = m.atRisk() ? risk(m, now) : null;
        String label = m.name() == null ? m.id() : m.name();
        return new Band("milestone", m.id(), label, "/milestones/" + m.id(), y, scale.x(m.createdAt()), scale.x(end), m.reachedAt() == null,
                targetX, m.targetDate() == null ? null : m.targetDate().toString(), m.reachedAt() == null ? null : scale.x(m.reachedAt()),
                m.state(), risk, m.reachedAt() == null ? "open since " + day(m.createdAt()) : "reached " + day(m.reachedAt()));
    }

    private static Band sprint(SprintRow s, Scale scale, double y, Instant now) {
        String label = s.name() == null ? s.id() : s.name();
        String risk = "blocked".equals(s.state()) ? "sprint blocked" : s.closureHeld() != null ? "held from closing: " + s.closureHeld() : null;
        if (s.startedAt() == null) {
            double x = scale.x(now);
            return new Band("sprint", s.id(), label, "/sprints/" + s.id(), y, x, x, false, null, null, null, s.state(), risk, "not started");
        }
        Instant end = s.closedAt() != null ? s.closedAt() : now;
        String note = day(s.startedAt()) + " to " + (s.closedAt() != null ? day(s.closedAt()) : "now (running)");
        return new Band("sprint", s.id(), label, "/sprints/" + s.id(), y, scale.x(s.startedAt()), scale.x(end), s.closedAt() == null,
                null, null, null, s.state(), risk, note);
    }

    /** Why a milestone the query marked is at risk, in words (the mark is never colour alone). */
    static String risk(MilestoneRow m, Instant now) {
        List<String> why = new ArrayList<>();
        if ("blocked".equals(m.state()) || "escalated".equals(m.state())) why.add(m.state());
        if (m.targetDate() != null && LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(m.targetDate()) && m.reachedAt() == null) {
            why.add("past its target date");
        }
        if (why.isEmpty()) why.add("a contributing sprint is blocked or held");
        return String.join(", ", why);
    }

    /** From the earliest thing shown to the latest (now included), a day of margin either side. */
    private static Instant[] range(List<MilestoneRow> milestones, List<SprintRow> sprints, Instant now) {
        Instant min = now;
        Instant max = now;
        for (MilestoneRow m : milestones) {
            if (m.createdAt() != null && m.createdAt().isBefore(min)) min = m.createdAt();
            if (m.targetDate() != null) {
                Instant t = start(m.targetDate());
                if (t.isBefore(min)) min = t;
                if (t.isAfter(max)) max = t;
            }
        }
        for (SprintRow s : sprints) {
            if (s.startedAt() != null && s.startedAt().isBefore(min)) min = s.startedAt();
            if (s.closedAt() != null && s.closedAt().isAfter(max)) max = s.closedAt();
        }
        return new Instant[] {min.minus(Duration.ofDays(1)), max.plus(Duration.ofDays(1))};
    }

    private static List<Tick> ticks(Scale scale) {
        List<Tick> out = new ArrayList<>();
        long span = Duration.between(scale.from, scale.to).toSeconds();
        for (int i = 0; i <= TICKS; i++) {
            Instant t = scale.from.plusSeconds(span * i / TICKS);
            out.add(new Tick(scale.x(t), day(t)));
        }
        return out;
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private record Scale(Instant from, Instant to, double left, double right) {
        double x(Instant t) {
            double span = Math.max(1, Duration.between(from, to).toSeconds());
            double at = Duration.between(from, t).toSeconds();
            return Math.round((left + (right - left) * Math.max(0, Math.min(1, at / span))) * 10) / 10.0;
        }
    }
}
